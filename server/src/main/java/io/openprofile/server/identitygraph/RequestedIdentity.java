package io.openprofile.server.identitygraph;

/**
 * One identity of an identity graph request, kept in the form the client named it, because
 * responses echo that form: an XID, a numeric namespace id with a value, or a namespace code with
 * a value. Only the fields of the form are set.
 */
public record RequestedIdentity(Form form, String xid, Integer namespaceId, String namespaceCode, String id) {

    /** Form in which a request names an identity. */
    public enum Form {
        XID, NAMESPACE_ID, NAMESPACE_CODE
    }

    public static RequestedIdentity ofXid(String xid) {
        return new RequestedIdentity(Form.XID, xid, null, null, null);
    }

    public static RequestedIdentity ofNamespaceId(int namespaceId, String id) {
        return new RequestedIdentity(Form.NAMESPACE_ID, null, namespaceId, null, id);
    }

    /** Creates a request for {@code id} in the namespace {@code code}, kept as sent (any case). */
    public static RequestedIdentity ofNamespaceCode(String code, String id) {
        return new RequestedIdentity(Form.NAMESPACE_CODE, null, null, code, id);
    }

    /** Returns the identity as the client sent it, for error messages: the XID or the value. */
    public String shown() {
        return form == Form.XID ? xid : id;
    }
}
