package dev.mcpweb.extract.html;

/**
 * Strings, each with an int value, looked up by a region of another string and that region's {@link
 * String#hashCode}: open addressing over arrays of our own rather than a map, so that the names of a class
 * attribute, or the pieces of a name, are found where they stand, with no substring made per lookup. Its
 * users ask for it per name of a page, in code C1 compiles, where a substring and a map look-up per name
 * cost more than the rest of the test.
 */
final class RegionTable {
    private String[] keys = new String[16];
    private int[] hashes = new int[16];
    private int[] values = new int[16];
    private int count;

    /** {@code s.substring(start, end).hashCode()}, without the substring. */
    static int hash(String s, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + s.charAt(i);
        }
        return hash;
    }

    /**
     * The value of the key equal to {@code s} from {@code start} to {@code end}, whose {@link #hash} is
     * {@code hash}; {@code absent} when there is none.
     */
    int get(String s, int start, int end, int hash, int absent) {
        int mask = keys.length - 1;
        for (int i = slot(hash, mask); keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash && keys[i].length() == end - start && s.startsWith(keys[i], start)) {
                return values[i];
            }
        }
        return absent;
    }

    /** Adds {@code key}, whose hash code is {@code hash} and which the table does not hold yet. */
    void add(String key, int hash, int value) {
        if (2 * ++count > keys.length) {
            grow();
        }
        place(key, hash, value);
    }

    private void place(String key, int hash, int value) {
        int mask = keys.length - 1;
        int i = slot(hash, mask);
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        hashes[i] = hash;
        values[i] = value;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldValues = values;
        keys = new String[2 * oldKeys.length];
        hashes = new int[keys.length];
        values = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                place(oldKeys[i], oldHashes[i], oldValues[i]);
            }
        }
    }

    private static int slot(int hash, int mask) {
        return (hash ^ (hash >>> 16)) & mask;
    }
}
