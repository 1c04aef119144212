// Resolving YAML aliases (*name) in one pass. The yaml package's Alias.resolve searches the whole
// document for the anchor on every call, so n aliases cost n walks of the document: quadratic on
// a large file. Here one walk, in document order, records what each alias refers to: the latest
// anchor of that name before it, which is how YAML (and Alias.resolve) defines it.
import { isAlias, visit, type Alias, type Document, type Node } from 'yaml';

export type ResolveAlias = (alias: Alias) => Node | undefined;

export function aliasResolver(doc: Document.Parsed): ResolveAlias {
  let targets: Map<Alias, Node | undefined> | undefined;
  return (alias) => {
    if (!targets) {
      const found = new Map<Alias, Node | undefined>();
      const anchors = new Map<string, Node>();
      visit(doc, {
        Node: (_key, node) => {
          if (isAlias(node)) found.set(node, anchors.get(node.source));
          else if (node.anchor) anchors.set(node.anchor, node);
        },
      });
      targets = found;
    }
    return targets.get(alias);
  };
}
