package dev.tokenledger.requestlog.control;

/** JSON pointers (RFC 6901) for naming the fields of a request body in errors. */
public final class Pointers {

    private Pointers() {}

    public static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String index(String parent, int index) {
        return parent + "/" + index;
    }
}
