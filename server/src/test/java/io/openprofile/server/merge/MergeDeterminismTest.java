package io.openprofile.server.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.identity.NamespaceCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test: for random fragments whose record and ingestion times collide often, every input
 * order gives the same merged profile under both attribute merge types. The seed is fixed, so a
 * failure reproduces; the assertion message names the trial.
 */
class MergeDeterminismTest {

    private static final int TRIALS = 300;
    private static final int ORDERS_PER_TRIAL = 8;
    private static final List<String> DATASETS = List.of("dsA", "dsB", "dsC");

    private final MergeEngine engine = new MergeEngine(NamespaceCatalog.standard());

    @Test
    void timestampOrderedIgnoresInputOrder() {
        assertOrderIndependent(MergePolicy.systemDefault(0), new Random(20261204L));
    }

    @Test
    void datasetPrecedenceIgnoresInputOrder() {
        MergePolicy precedence = new MergePolicy("p", "precedence", MergePolicy.PROFILE_SCHEMA, IdentityGraphType.PDG,
                AttributeMergeType.DATASET_PRECEDENCE, List.of("dsB", "dsA"), false, false, 1, 0);
        assertOrderIndependent(precedence, new Random(42L));
    }

    private void assertOrderIndependent(MergePolicy policy, Random random) {
        for (int trial = 0; trial < TRIALS; trial++) {
            List<Fragment> fragments = randomFragments(random);
            MergedProfile expected = engine.merge(fragments, policy);
            for (int order = 0; order < ORDERS_PER_TRIAL; order++) {
                List<Fragment> shuffled = new ArrayList<>(fragments);
                Collections.shuffle(shuffled, random);

                assertThat(engine.merge(shuffled, policy))
                        .as("trial %d, fragments %s", trial, fragments)
                        .isEqualTo(expected);
            }
        }
    }

    /** Builds 2 to 6 fragments from few datasets, keys and times, so that ties are common. */
    private static List<Fragment> randomFragments(Random random) {
        int count = 2 + random.nextInt(5);
        List<Fragment> fragments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String dataset = DATASETS.get(random.nextInt(DATASETS.size()));
            String key = "k" + i;
            fragments.add(new Fragment(dataset, key, randomRecord(random, i), 100L * random.nextInt(2),
                    100L * random.nextInt(2)));
        }
        return fragments;
    }

    private static ObjectNode randomRecord(Random random, int index) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        if (random.nextBoolean()) {
            record.putObject("person").putObject("name").put("firstName", "name-" + index);
        }
        if (random.nextBoolean()) {
            record.putObject("homeAddress").put("city", random.nextBoolean() ? "city-" + index : null);
        }
        if (random.nextBoolean()) {
            record.putArray("segments").add("s" + index).add("s" + (index + 1));
        }
        ObjectNode identityMap = record.putObject("identityMap");
        identityMap.putArray(random.nextBoolean() ? "Email" : "email").addObject()
                .put("id", "person-" + random.nextInt(3) + "@example.com");
        return record;
    }
}
