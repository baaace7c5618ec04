package io.branchkey.claims.format;

/** The handles on a node's path, root first and the node itself last: what the decision rule walks. */
public interface HandlePath {

    int depth();

    /** The handle at a position: 0 is the root, {@code depth() - 1} the node itself. */
    long handleAt(int position);

    static HandlePath of(long[] rootToSelf) {
        return new HandlePath() {
            @Override
            public int depth() {
                return rootToSelf.length;
            }

            @Override
            public long handleAt(int position) {
                return rootToSelf[position];
            }
        };
    }
}
