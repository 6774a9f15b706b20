package io.openprofile.server.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link NamespaceResolver} over a fixed list of namespaces, typically the standard ones plus a sandbox's own. */
public final class NamespaceCatalog implements NamespaceResolver {

    /** Prefix of Adobe's namespace URIs; the numeric namespace id follows it. */
    public static final String NAMESPACE_URI_PREFIX = "https://data.adobe.io/entities/namespace/";

    private final List<Namespace> namespaces;
    private final Map<String, Namespace> byCode = new HashMap<>();
    private final Map<Integer, Namespace> byId = new HashMap<>();

    /**
     * Creates a catalog.
     *
     * @throws IllegalArgumentException if two namespaces share a code (ignoring case) or an id, or if a custom
     *     namespace uses an id from openprofile's reserved range
     */
    public NamespaceCatalog(List<Namespace> namespaces) {
        this.namespaces = List.copyOf(namespaces);
        for (Namespace namespace : this.namespaces) {
            register(namespace);
        }
    }

    /** Returns a catalog of the standard namespaces only. */
    public static NamespaceCatalog standard() {
        return new NamespaceCatalog(StandardNamespaces.all());
    }

    /** Returns a catalog of the standard namespaces plus the given custom ones. */
    public static NamespaceCatalog withCustom(List<Namespace> custom) {
        List<Namespace> all = new ArrayList<>(StandardNamespaces.all());
        all.addAll(custom);
        return new NamespaceCatalog(all);
    }

    /** Returns the namespaces in the order they were given. */
    public List<Namespace> namespaces() {
        return namespaces;
    }

    @Override
    public Optional<Namespace> resolve(String codeOrUri) {
        if (codeOrUri == null) {
            return Optional.empty();
        }
        if (codeOrUri.startsWith(NAMESPACE_URI_PREFIX)) {
            return resolveUri(codeOrUri.substring(NAMESPACE_URI_PREFIX.length()));
        }
        return Optional.ofNullable(byCode.get(lowerCase(codeOrUri)));
    }

    private Optional<Namespace> resolveUri(String idText) {
        if (idText.isEmpty() || idText.length() > 10 || !idText.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long id = Long.parseLong(idText);
        return id > Integer.MAX_VALUE ? Optional.empty() : Optional.ofNullable(byId.get((int) id));
    }

    private void register(Namespace namespace) {
        if (namespace.custom() && namespace.id() >= StandardNamespaces.OPENPROFILE_RESERVED_FROM
                && namespace.id() <= StandardNamespaces.OPENPROFILE_RESERVED_TO) {
            throw new IllegalArgumentException("custom namespace " + namespace.code() + " has id " + namespace.id()
                    + ", which openprofile reserves; choose an id outside "
                    + StandardNamespaces.OPENPROFILE_RESERVED_FROM + "-" + StandardNamespaces.OPENPROFILE_RESERVED_TO);
        }
        Namespace sameCode = byCode.putIfAbsent(lowerCase(namespace.code()), namespace);
        if (sameCode != null) {
            throw new IllegalArgumentException("namespace code " + namespace.code() + " is already used by "
                    + sameCode.code() + "; codes must be unique ignoring case");
        }
        Namespace sameId = byId.putIfAbsent(namespace.id(), namespace);
        if (sameId != null) {
            throw new IllegalArgumentException("namespace id " + namespace.id() + " of " + namespace.code()
                    + " is already used by " + sameId.code());
        }
    }

    private static String lowerCase(String code) {
        return code.toLowerCase(Locale.ROOT);
    }
}
