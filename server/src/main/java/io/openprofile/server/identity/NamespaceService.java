package io.openprofile.server.identity;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.StoreException;
import io.openprofile.server.tenancy.SandboxCleared;
import io.openprofile.server.tenancy.SandboxGenerations;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Identity namespaces of a sandbox: the standard ones every sandbox has, plus custom ones that
 * users create. Codes are unique case-insensitively across both.
 */
@ApplicationScoped
public class NamespaceService {

    /** Custom namespaces get ids from here up, above every standard id. */
    static final int FIRST_CUSTOM_ID = 1_000_000;
    static final Set<String> ID_TYPES = Set.of("COOKIE", "CROSS_DEVICE", "DEVICE", "EMAIL", "MOBILE", "NON_PEOPLE",
            "PHONE");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Logger LOG = Logger.getLogger(NamespaceService.class);

    /** How long the custom namespaces of a sandbox are cached, in milliseconds. */
    static final long CACHE_MILLIS = 5_000;

    private final Database database;
    private final NamespaceRepository repository;
    private final Clock clock;
    private final SandboxGenerations generations;
    private final Map<Tenant, CachedNamespaces> cache = new ConcurrentHashMap<>();

    NamespaceService(Database database, NamespaceRepository repository, Clock clock, SandboxGenerations generations) {
        this.database = database;
        this.repository = repository;
        this.clock = clock;
        this.generations = generations;
    }

    /** Lists standard namespaces first, then the sandbox's custom ones. */
    public List<NamespaceRepository.StoredNamespace> list(Tenant tenant) {
        List<NamespaceRepository.StoredNamespace> all = new ArrayList<>();
        for (Namespace standard : StandardNamespaces.all()) {
            all.add(new NamespaceRepository.StoredNamespace(standard, 0, 0));
        }
        all.addAll(database.inTransaction(connection -> repository.list(connection, tenant)));
        return all;
    }

    /**
     * Returns the standard and custom namespaces for resolving codes on every lookup and record.
     * The custom ones are cached per sandbox for {@value #CACHE_MILLIS} ms, dropped when this
     * process creates one, and reloaded when the sandbox generation shows a reset by any process.
     */
    // NOTE: a namespace created through another server process is seen here only when the cached
    // list expires, so for up to CACHE_MILLIS its code is reported as unknown by this process.
    private List<Namespace> resolvable(Tenant tenant) {
        long now = clock.millis();
        long generation = generations.current(tenant);
        CachedNamespaces cached = cache.get(tenant);
        if (cached == null || cached.generation() != generation || now - cached.loadedAt() > CACHE_MILLIS) {
            cached = new CachedNamespaces(list(tenant).stream().map(NamespaceRepository.StoredNamespace::namespace)
                    .toList(), now, generation);
            cache.put(tenant, cached);
        }
        return cached.namespaces();
    }

    /** Custom namespaces as loaded at {@code loadedAt}, in sandbox generation {@code generation}. */
    private record CachedNamespaces(List<Namespace> namespaces, long loadedAt, long generation) {
    }

    public NamespaceRepository.StoredNamespace get(Tenant tenant, String id) {
        int numeric;
        try {
            numeric = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("id", id, "must be the numeric id of a namespace");
        }
        return list(tenant).stream()
                .filter(stored -> stored.namespace().id() == numeric)
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("identity namespace", id));
    }

    /** Creates a custom namespace. */
    public NamespaceRepository.StoredNamespace create(Tenant tenant, String name, String code, String idType,
            String description) {
        if (name == null || name.isBlank()) {
            throw DomainException.missing("name", "give the namespace a display name");
        }
        if (code == null) {
            throw DomainException.missing("code", "give the namespace a code of letters and digits");
        }
        if (!CODE.matcher(code).matches()) {
            throw DomainException.invalid("code", code, "must be 1 to 64 letters and digits");
        }
        String type = idType == null ? null : idType.toUpperCase(Locale.ROOT);
        if (type == null || !ID_TYPES.contains(type)) {
            throw DomainException.invalid("idType", idType, "must be one of " + ID_TYPES.stream().sorted().toList());
        }
        if (resolve(tenant, code).isPresent()) {
            throw codeExists(code);
        }
        String text = description == null ? "" : description;
        long now = clock.millis();
        try {
            NamespaceRepository.StoredNamespace created = database.inTransaction(connection -> {
                int id = repository.nextId(connection, tenant, FIRST_CUSTOM_ID);
                NamespaceRepository.StoredNamespace stored = new NamespaceRepository.StoredNamespace(
                        new Namespace(id, code, name, type, text, true), now, now);
                repository.insert(connection, tenant, stored);
                LOG.infof("created identity namespace %s (%d) in %s/%s", code, id, tenant.orgId(),
                        tenant.sandboxName());
                return stored;
            });
            // Dropped after the commit so the next lookup reloads the list. A lookup that read the list
            // before the commit may still cache the old one, for at most CACHE_MILLIS.
            cache.remove(tenant);
            return created;
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw codeExists(code);
            }
            throw e;
        }
    }

    /** Finds a namespace by code (any case) or by namespace URI with a numeric id. */
    public Optional<Namespace> resolve(Tenant tenant, String codeOrUri) {
        return resolver(tenant).resolve(codeOrUri);
    }

    /** Returns a resolver over the standard and custom namespaces as they are now. */
    public NamespaceResolver resolver(Tenant tenant) {
        return new NamespaceCatalog(resolvable(tenant));
    }

    private static DomainException codeExists(String code) {
        return new DomainException(ErrorKind.CONFLICT, "NAMESPACE_CODE_EXISTS",
                "an identity namespace with code '" + code + "' already exists (codes are compared ignoring case); "
                        + "choose another code",
                "code", code);
    }

    /** Drops the cached custom namespaces of a reset or deleted sandbox. */
    void onSandboxCleared(@Observes SandboxCleared event) {
        cache.remove(event.tenant());
    }
}
