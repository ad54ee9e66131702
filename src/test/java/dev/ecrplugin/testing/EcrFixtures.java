package dev.ecrplugin.testing;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.Tag;

/** ECR set-up for tests and ITs (prebuild scripts), on the local stack. */
public final class EcrFixtures {

    private EcrFixtures() {}

    /** Deletes the repositories (with their images) that exist. */
    public static void deleteRepositories(String... names) {
        try (EcrClient ecr = LocalStack.ecr()) {
            for (String name : names) {
                try {
                    ecr.deleteRepository(r -> r.repositoryName(name).force(true));
                } catch (RepositoryNotFoundException e) {
                    // absent already
                }
            }
        }
    }

    /**
     * A fresh repository (deleted first when it exists) with ECR's defaults: MUTABLE, no scan on push, AES256, and
     * the given tags as alternating keys and values.
     */
    public static void createRepository(String name, String... tags) {
        deleteRepositories(name);
        try (EcrClient ecr = LocalStack.ecr()) {
            List<Tag> list = new ArrayList<>();
            for (int i = 0; i + 1 < tags.length; i += 2) {
                list.add(Tag.builder().key(tags[i]).value(tags[i + 1]).build());
            }
            ecr.createRepository(r -> r.repositoryName(name).tags(list));
        }
    }
}
