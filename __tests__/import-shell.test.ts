// Shell words as sh would split and expand them (POSIX Shell Command Language, sections 2.2 quoting,
// 2.6 expansions); Kubernetes' $(VAR) as documented for container command/args.
import { describe, expect, it } from 'vitest';
import { evaluateArithmetic, expandKubernetes, lineMapOf, shellCommands, type Word, type WrittenFile, writtenPath } from '../src/import/shell.js';

function words(script: string, env: Record<string, string> = {}): Word[][] {
  return shellCommands(script, { env, lineOf: lineMapOf(script) });
}
const texts = (script: string, env: Record<string, string> = {}): string[][] => words(script, env).map((c) => c.map((w) => w.text));

describe('shell words', () => {
  it('keeps quoted blanks inside one word and expands only outside single quotes', () => {
    expect(texts(`a 'b c $X' "d $X" e\\ f`, { X: '1' })).toEqual([['a', 'b c $X', 'd 1', 'e f']]);
  });

  it('joins backslash-newline continuations and keeps each word on its own line', () => {
    const ws = words('vllm serve m \\\n  --tp 2 \\\n  --pp=4')[0] as Word[];
    expect(ws.map((w) => w.text)).toEqual(['vllm', 'serve', 'm', '--tp', '2', '--pp=4']);
    expect(ws.map((w) => w.line)).toEqual([1, 1, 1, 2, 2, 3]);
  });

  it('splits commands at ; && || | & and newlines, and drops comments', () => {
    expect(texts('# start\nray start --head; vllm serve x && echo ok | tee log & wait')).toEqual([
      ['ray', 'start', '--head'],
      ['vllm', 'serve', 'x'],
      ['echo', 'ok'],
      ['tee', 'log'],
      ['wait'],
    ]);
  });

  it('expands ${VAR}, ${VAR:-default} and ${VAR-default} as sh does', () => {
    expect(texts('${A} ${B:-8} ${E:-9} ${E-7} x${A}y', { A: '2', E: '' })).toEqual([['2', '8', '9', 'x2y']]);
  });

  it('evaluates $(( )) with integer division, precedence and variables with or without $', () => {
    // (4 + 1) / 2 = 2 in integer arithmetic; 4 * 2 + 2 = 10
    expect(texts('$(( (A+1)/2 )) $((A * $B + 2)) $((7 % 4))', { A: '4', B: '2' })).toEqual([['2', '10', '3']]);
  });

  it('names what it could not resolve: unknown variables, command substitution, arithmetic on unset names', () => {
    const ws = words('--tp $NOPE --host $(hostname -i) --pp $((X * 2))')[0] as Word[];
    expect(ws.map((w) => w.unresolved)).toEqual([[], ['NOPE'], [], ['$(hostname -i)'], [], ['X']]);
  });

  it('leaves a variable the cluster sets (valueFrom) unresolved, default or not, unless the script sets it', () => {
    const ws = shellCommands('a ${U:-0.5} $U $(U) $((U * 2))\nU=0.9\nb ${U:-0.5}', { env: {}, lineOf: lineMapOf(''), fromCluster: new Set(['U']) });
    expect(ws[0]?.map((w) => w.text)).toEqual(['a', '', '', '', '']);
    expect(ws[0]?.slice(1).map((w) => w.unresolved.map((u) => u.split(' ')[0]))).toEqual([['U'], ['U'], ['U'], ['U']]);
    expect(ws[0]?.[1]?.unresolved[0]).toMatch(/valueFrom/);
    expect(ws[2]?.map((w) => w.text)).toEqual(['b', '0.9']);
  });

  it('reads $(VAR) from the container env the way Kubernetes substitutes it before the shell runs', () => {
    expect(texts('--pp=$(LWS_GROUP_SIZE)', { LWS_GROUP_SIZE: '2' })).toEqual([['--pp=2']]);
  });
});

describe('here-documents', () => {
  it("are their command's input, not commands: an engine command inside one is not the script's", () => {
    const script = "cat > /tmp/other.sh <<EOF\nvllm serve big -tp 8\nEOF\ncat <<'X' >notes\nit's a note\nX\nvllm serve small --max-num-seqs 32\n";
    expect(texts(script)).toEqual([
      ['cat', '>', '/tmp/other.sh'],
      ['cat', '>notes'],
      ['vllm', 'serve', 'small', '--max-num-seqs', '32'],
    ]);
  });

  it("a here-string (<<<) is no here-document: the commands after it stay the script's", () => {
    expect(texts('read -r A B <<< "$ARGS"\nvllm serve m -tp 8\n')).toEqual([
      ['read', '-r', 'A', 'B', '<<<', ''],
      ['vllm', 'serve', 'm', '-tp', '8'],
    ]);
    expect(texts('cat <<<x\nvllm serve m\n')).toEqual([
      ['cat', '<<<x'],
      ['vllm', 'serve', 'm'],
    ]);
  });

  it('keep the file cat or tee writes, expanded unless the delimiter is quoted, each line at its line of the script', () => {
    const written = new Map<string, WrittenFile>();
    const script =
      "F=/tmp/config.yml\nFRAC=0.8\ncat << EOF > ${F}\nkv_cache_config:\n  free_gpu_memory_fraction: $FRAC\nEOF\ntee ./b.yml <<-'END'\n\tkey: $FRAC\n\tEND\ntrtllm-serve m --config $F\n";
    const cmds = shellCommands(script, { env: {}, lineOf: lineMapOf(script), written });
    expect(cmds.map((c) => c[0]?.text)).toEqual(['F=/tmp/config.yml', 'FRAC=0.8', 'cat', 'tee', 'trtllm-serve']);
    const config = written.get('/tmp/config.yml');
    expect(config?.text).toBe('kv_cache_config:\n  free_gpu_memory_fraction: 0.8\n');
    expect([config?.lineOf(1), config?.lineOf(2)]).toEqual([4, 5]);
    expect(written.get(writtenPath('./b.yml'))?.text).toBe('key: $FRAC\n');
  });
});

describe('Kubernetes $(VAR) expansion', () => {
  it('replaces defined variables, keeps unknown ones and reads $$ as a literal $', () => {
    expect(expandKubernetes('--tp=$(TP) $(NOPE) $$(TP)', { TP: '8' })).toBe('--tp=8 $(NOPE) $(TP)');
  });
});

describe('arithmetic', () => {
  it('refuses division by zero and garbage instead of guessing', () => {
    expect(evaluateArithmetic('4 / 0', {})).toHaveProperty('unresolved');
    expect(evaluateArithmetic('4 +* ; rm', {})).toHaveProperty('unresolved');
    expect(evaluateArithmetic('-3 + 10', {})).toEqual({ value: 7 });
  });
});

describe('assignments in scripts', () => {
  it('applies TP=8 and export DP=... to the commands after them, not before', () => {
    const script = 'echo $TP\nTP=8\nexport DP=$((TP / 4))\nvllm serve --tp $TP --dp $DP';
    expect(words(script)[0]?.[1]?.unresolved).toEqual(['TP']); // not yet set on line 1
    expect(texts(script)[3]).toEqual(['vllm', 'serve', '--tp', '8', '--dp', '2']);
  });
});
