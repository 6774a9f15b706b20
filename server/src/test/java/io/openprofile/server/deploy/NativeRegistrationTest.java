package io.openprofile.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openprofile.server.jobs.JobRunner;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that everything the server reaches by reflection or as a resource is registered for a
 * native image. A class or resource added without registration fails here, because the machines
 * that run the tests cannot build a native image.
 *
 * <p>A class counts as registered when it carries {@link RegisterForReflection}, is named in the
 * {@code targets} or {@code classNames} of one, or is listed in a {@code reflect-config.json}
 * under {@code META-INF/native-image}. The classes that must be registered are found by these
 * rules over the compiled main classes:
 * <ul>
 *   <li>every generated model in {@code io.openprofile.server.api.model};
 *   <li>every generated API interface that a delegate implements, because the error mapper reads
 *       its parameter annotations;
 *   <li>every hand-written class with a Jackson annotation on itself or its members;
 *   <li>every hand-written record named in the fields or method signatures of such a class, such as
 *       the error details inside an error body;
 *   <li>every Parquet compression codec class on the classpath, which Parquet creates reflectively.
 * </ul>
 */
class NativeRegistrationTest {

    private static final String ROOT_PACKAGE = "io.openprofile.server.";
    private static final String GENERATED_API_PACKAGE = "io.openprofile.server.api.";
    private static final String GENERATED_MODEL_PACKAGE = "io.openprofile.server.api.model.";
    private static final String NATIVE_CONFIG_DIR = "META-INF/native-image";
    private static final String DEFAULT_FLYWAY_LOCATION = "db/migration";

    /** Resources that Quarkus reads at build time and bakes into the executable, with no run-time read. */
    private static final Set<String> BUILD_TIME_RESOURCES = Set.of(
            // configuration is recorded at build time and shipped in the executable
            "application.properties",
            // SmallRye OpenAPI builds the served document from this file at build time
            "META-INF/openapi.yaml");

    /** Static web content; Quarkus's HTTP extension adds every file under it to a native image. */
    private static final String STATIC_RESOURCES_DIR = "META-INF/resources";

    private static Path classesDir;
    private static List<Class<?>> classes;
    private static Set<String> registered;
    private static Properties properties;

    @BeforeAll
    static void scanMainClasses() throws IOException, URISyntaxException {
        classesDir = Path.of(JobRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes.add(load(className(file)));
            }
        }
        registered = new TreeSet<>();
        for (Class<?> type : classes) {
            RegisterForReflection registration = type.getAnnotation(RegisterForReflection.class);
            if (registration == null) {
                continue;
            }
            if (registration.targets().length == 0 && registration.classNames().length == 0) {
                registered.add(type.getName());
                if (!registration.ignoreNested()) {
                    Arrays.stream(type.getDeclaredClasses()).map(Class::getName).forEach(registered::add);
                }
            }
            Arrays.stream(registration.targets()).map(Class::getName).forEach(registered::add);
            registered.addAll(Arrays.asList(registration.classNames()));
        }
        registered.addAll(reflectConfigNames());
        properties = new Properties();
        try (InputStream in = Files.newInputStream(classesDir.resolve("application.properties"))) {
            properties.load(in);
        }
    }

    @Test
    void generatedModelsAreRegistered() {
        List<Class<?>> models = classes.stream()
                .filter(type -> type.getName().startsWith(GENERATED_MODEL_PACKAGE))
                .filter(type -> !type.isAnonymousClass())
                .toList();

        assertThat(models).as("generated models under " + classesDir).isNotEmpty();
        for (Class<?> model : models) {
            assertRegistered(model, "a generated model, which Jackson reads and writes by reflection");
        }
    }

    @Test
    void implementedApiInterfacesAreRegistered() {
        Set<Class<?>> apis = new LinkedHashSet<>();
        for (Class<?> type : handWritten()) {
            for (Class<?> implemented : type.getInterfaces()) {
                if (implemented.getName().startsWith(GENERATED_API_PACKAGE)) {
                    apis.add(implemented);
                }
            }
        }

        assertThat(apis).as("generated API interfaces implemented by delegates").isNotEmpty();
        for (Class<?> api : apis) {
            assertRegistered(api, "an API interface whose parameter annotations name violations in 400s");
        }
    }

    @Test
    void jacksonBoundClassesAreRegistered() {
        Set<Class<?>> bound = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        handWritten().stream().filter(NativeRegistrationTest::hasJacksonAnnotation).forEach(pending::add);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (bound.add(type)) {
                referencedRecords(type).forEach(pending::add);
            }
        }

        assertThat(bound).as("hand-written classes with Jackson annotations").isNotEmpty();
        for (Class<?> type : bound) {
            assertRegistered(type, "a hand-written class that Jackson reads or writes");
        }
    }

    @Test
    void parquetCodecsAreRegistered() {
        for (CompressionCodecName codec : CompressionCodecName.values()) {
            String name = codec.getHadoopCompressionCodecClassName();
            if (name == null || !onClasspath(name)) {
                continue;
            }
            assertThat(registered.contains(name))
                    .as("%s, the codec Parquet creates by reflection for %s pages, is not registered for "
                            + "reflection; add it to ParquetNativeRegistrations", name, codec)
                    .isTrue();
        }
    }

    @Test
    void migrationsAreNativeResources() throws IOException {
        List<String> locations = flywayLocations();
        List<String> migrations = resources().stream()
                .filter(resource -> resource.startsWith(DEFAULT_FLYWAY_LOCATION + "/"))
                .toList();

        assertThat(migrations).as("migration scripts under " + classesDir).isNotEmpty();
        for (String migration : migrations) {
            assertThat(locations.stream().anyMatch(location -> migration.startsWith(location + "/")))
                    .as("migration %s is outside quarkus.flyway.locations %s, so the Flyway extension "
                            + "does not put it in a native image", migration, locations)
                    .isTrue();
        }
    }

    @Test
    void runtimeResourcesAreNativeResources() throws IOException {
        List<String> locations = flywayLocations();
        List<String> includes = nativeResourceIncludes();
        List<Pattern> configured = resourceConfigPatterns();

        for (String resource : resources()) {
            boolean covered = BUILD_TIME_RESOURCES.contains(resource)
                    || resource.startsWith(NATIVE_CONFIG_DIR + "/")
                    || resource.startsWith(STATIC_RESOURCES_DIR + "/")
                    || locations.stream().anyMatch(location -> resource.startsWith(location + "/"))
                    || includes.stream().anyMatch(glob -> matchesGlob(glob, resource))
                    || configured.stream().anyMatch(pattern -> pattern.matcher(resource).matches());
            assertThat(covered)
                    .as("resource %s is not in a native image: add it to quarkus.native.resources.includes "
                            + "(now %s) or to a resource-config.json under %s", resource, includes, NATIVE_CONFIG_DIR)
                    .isTrue();
        }
    }

    @Test
    void hadoopDefaultsAreNativeResources() {
        List<String> includes = nativeResourceIncludes();

        assertThat(includes.stream().anyMatch(glob -> matchesGlob(glob, "core-default.xml")))
                .as("core-default.xml, which Hadoop's Configuration loads for Parquet's codecs, is missing "
                        + "from quarkus.native.resources.includes %s", includes)
                .isTrue();
    }

    private static void assertRegistered(Class<?> type, String reason) {
        assertThat(registered.contains(type.getName()))
                .as("%s is %s but is not registered for reflection: annotate it with @RegisterForReflection, "
                        + "name it in the targets of one, or list it in a reflect-config.json under %s",
                        type.getName(), reason, NATIVE_CONFIG_DIR)
                .isTrue();
    }

    private static List<Class<?>> handWritten() {
        return classes.stream()
                .filter(type -> type.getName().startsWith(ROOT_PACKAGE))
                .filter(type -> !type.getName().startsWith(GENERATED_API_PACKAGE))
                .toList();
    }

    private static boolean hasJacksonAnnotation(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>();
        elements.add(type);
        elements.addAll(Arrays.asList(type.getDeclaredFields()));
        elements.addAll(Arrays.asList(type.getDeclaredMethods()));
        elements.addAll(Arrays.asList(type.getDeclaredConstructors()));
        if (type.isRecord()) {
            elements.addAll(Arrays.asList(type.getRecordComponents()));
        }
        for (AnnotatedElement element : elements) {
            for (Annotation annotation : element.getDeclaredAnnotations()) {
                if (annotation.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
                    return true;
                }
            }
        }
        for (Executable executable : type.getDeclaredConstructors()) {
            for (Annotation[] parameter : executable.getParameterAnnotations()) {
                for (Annotation annotation : parameter) {
                    if (annotation.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Returns the hand-written records named in the field, record component and method types of {@code type}. */
    private static Set<Class<?>> referencedRecords(Class<?> type) {
        List<Type> types = new ArrayList<>();
        Arrays.stream(type.getDeclaredFields()).map(field -> field.getGenericType()).forEach(types::add);
        if (type.isRecord()) {
            Arrays.stream(type.getRecordComponents()).map(RecordComponent::getGenericType).forEach(types::add);
        }
        for (Method method : type.getDeclaredMethods()) {
            types.add(method.getGenericReturnType());
            types.addAll(Arrays.asList(method.getGenericParameterTypes()));
        }
        Set<Class<?>> records = new LinkedHashSet<>();
        for (Type named : types) {
            collectRecords(named, records);
        }
        return records;
    }

    private static void collectRecords(Type type, Set<Class<?>> records) {
        if (type instanceof Class<?> plain) {
            Class<?> element = plain.isArray() ? plain.getComponentType() : plain;
            if (element.isRecord() && element.getName().startsWith(ROOT_PACKAGE)
                    && !element.getName().startsWith(GENERATED_API_PACKAGE)) {
                records.add(element);
            }
        } else if (type instanceof ParameterizedType parameterized) {
            collectRecords(parameterized.getRawType(), records);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectRecords(argument, records);
            }
        } else if (type instanceof GenericArrayType array) {
            collectRecords(array.getGenericComponentType(), records);
        } else if (type instanceof WildcardType wildcard) {
            Arrays.stream(wildcard.getUpperBounds()).forEach(bound -> collectRecords(bound, records));
        }
    }

    private static List<String> resources() throws IOException {
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.toString().endsWith(".class"))
                    .map(file -> classesDir.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** Returns the classpath folders of every Flyway configuration, or Flyway's default folder. */
    private static List<String> flywayLocations() {
        List<String> locations = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("quarkus.flyway.") && key.endsWith(".locations")) {
                for (String location : properties.getProperty(key).split(",")) {
                    locations.add(location.trim().replaceFirst("^classpath:", "").replaceAll("^/|/$", ""));
                }
            }
        }
        return locations.isEmpty() ? List.of(DEFAULT_FLYWAY_LOCATION) : locations;
    }

    private static List<String> nativeResourceIncludes() {
        String value = properties.getProperty("quarkus.native.resources.includes", "");
        return Arrays.stream(value.split(",")).map(String::trim).filter(glob -> !glob.isEmpty()).toList();
    }

    private static boolean matchesGlob(String glob, String resource) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(resource));
    }

    private static List<Pattern> resourceConfigPatterns() throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        for (JsonNode config : nativeConfigs("resource-config.json")) {
            for (JsonNode include : config.path("resources").path("includes")) {
                patterns.add(Pattern.compile(include.path("pattern").asText()));
            }
        }
        return patterns;
    }

    private static Set<String> reflectConfigNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode config : nativeConfigs("reflect-config.json")) {
            config.forEach(entry -> names.add(entry.path("name").asText()));
        }
        return names;
    }

    private static List<JsonNode> nativeConfigs(String fileName) throws IOException {
        Path dir = classesDir.resolve(NATIVE_CONFIG_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> configs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals(fileName)).toList()) {
                configs.add(mapper.readTree(file.toFile()));
            }
        }
        return configs;
    }

    private static String className(Path file) {
        String relative = classesDir.relativize(file).toString().replace('\\', '/');
        return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NativeRegistrationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled class " + name + " cannot be loaded", e);
        }
    }

    private static boolean onClasspath(String name) {
        try {
            Class.forName(name, false, NativeRegistrationTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
