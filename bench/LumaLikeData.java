import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;

/**
 * Generates Luma-like test data of any size, shaped like the Luma tutorial's CRM, loyalty and
 * offline-purchase files. CRM profiles carry a CRM id and an email. About 80% of the loyalty
 * members link to a CRM id. Purchase events carry the loyalty id and timestamps spread over two
 * years. Output is JSON Lines with identities in identityMap.
 *
 * <p>Run with {@code java bench/LumaLikeData.java <profiles> <output-dir> [seed]}; the same seed
 * gives the same files.
 */
public final class LumaLikeData {

    private static final String[] FIRST = {"Ann", "Bo", "Chen", "Dana", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jo"};
    private static final String[] LAST = {"Lee", "Ng", "Wright", "Diaz", "Kim", "Novak", "Okafor", "Rossi"};
    private static final String[] CITIES = {"Portland", "Austin", "Berlin", "Lyon", "Osaka", "Lima", "Turin"};
    private static final String[] LEVELS = {"bronze", "silver", "gold", "platinum"};
    private static final Instant END = Instant.parse("2020-08-11T00:00:00Z");

    private LumaLikeData() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java LumaLikeData.java <profiles> <output-dir> [seed]");
            System.exit(2);
        }
        int profiles = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        Files.createDirectories(out);
        Random random = new Random(seed);
        long events = 0;
        try (BufferedWriter crm = writer(out.resolve("crm.jsonl"));
                BufferedWriter loyalty = writer(out.resolve("loyalty.jsonl"));
                BufferedWriter purchases = writer(out.resolve("purchases.jsonl"));
                BufferedWriter ids = writer(out.resolve("identities.csv"))) {
            for (int i = 0; i < profiles; i++) {
                String crmId = String.format(Locale.ROOT, "crm%08d", i);
                String email = "person" + i + "@example.com";
                String loyaltyId = Integer.toString(5_000_000 + i);
                String first = pick(random, FIRST);
                String last = pick(random, LAST);
                crm.write("{\"identityMap\": {\"CRMID\": [{\"id\": \"" + crmId + "\", \"primary\": true}], "
                        + "\"Email\": [{\"id\": \"" + email + "\"}]}, \"person\": {\"name\": {\"firstName\": \""
                        + first + "\", \"lastName\": \"" + last + "\"}}, \"personalEmail\": {\"address\": \""
                        + email + "\"}, \"homeAddress\": {\"city\": \"" + pick(random, CITIES) + "\"}}\n");
                boolean linked = random.nextInt(100) < 80;
                loyalty.write("{\"identityMap\": {\"LOYALTYID\": [{\"id\": \"" + loyaltyId + "\", \"primary\": true}]"
                        + (linked ? ", \"CRMID\": [{\"id\": \"" + crmId + "\"}]" : "")
                        + "}, \"loyalty\": {\"points\": " + random.nextInt(1_000_000) + ", \"level\": \""
                        + pick(random, LEVELS) + "\"}}\n");
                int count = random.nextInt(4);
                for (int e = 0; e < count; e++) {
                    Instant when = END.minus(random.nextInt(730 * 24 * 60), ChronoUnit.MINUTES);
                    purchases.write("{\"_id\": \"" + i + "-" + e + "\", \"timestamp\": \"" + when + "\", "
                            + "\"identityMap\": {\"LOYALTYID\": [{\"id\": \"" + loyaltyId + "\", \"primary\": true}]}, "
                            + "\"commerce\": {\"order\": {\"purchaseID\": \"" + i + "-" + e + "\", \"priceTotal\": "
                            + (random.nextInt(50_000) / 100.0) + "}}, \"productListItems\": [{\"SKU\": \"LL"
                            + random.nextInt(92) + "\", \"quantity\": " + (1 + random.nextInt(3)) + "}]}\n");
                    events++;
                }
                ids.write(crmId + "," + email + "," + loyaltyId + "\n");
            }
        }
        System.out.println(profiles + " CRM profiles, " + profiles + " loyalty members, " + events
                + " purchase events written to " + out.toAbsolutePath());
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static BufferedWriter writer(Path path) throws IOException {
        return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }
}
