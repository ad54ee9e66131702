package dev.ecrplugin.aws;

import dev.ecrplugin.testing.IamFixtures;
import dev.ecrplugin.testing.IamFixtures.UserWithKey;
import dev.ecrplugin.testing.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.iam.IamClient;

/** Helpers of the credential tests: an IAM user with keys and one allowed action, a role trusting a user, files. */
final class CredsFixtures {

    private CredsFixtures() {}

    static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    /** moto's endpoint as {@code <endpoint>}, region us-east-1: nothing else. */
    static AwsSettings settings() {
        return AwsSettings.of(LocalStack.REGION, null, LocalStack.endpoint());
    }

    static UserWithKey newUser(String... actions) {
        String[] all = java.util.Arrays.copyOf(actions, actions.length + 1);
        all[actions.length] = "sts:GetCallerIdentity";
        return IamFixtures.userWithKey("creds-" + UUID.randomUUID().toString().substring(0, 8),
                IamFixtures.allowing(all));
    }

    /** A role whose trust policy names {@code trustedUserArn}, allowed sts:GetCallerIdentity and ecr:*. */
    static String newRole(String trustedUserArn) {
        String name = "creds-role-" + UUID.randomUUID().toString().substring(0, 8);
        try (IamClient iam = LocalStack.iam()) {
            String arn = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                            + trustedUserArn + "\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
            iam.putRolePolicy(r -> r.roleName(name).policyName("p").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                            + "[\"sts:GetCallerIdentity\",\"sts:AssumeRole\",\"ecr:*\"],\"Resource\":\"*\"}]}"));
            return arn;
        }
    }

    static String roleName(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    /** The shared config and credentials files with these contents, in {@code dir}. */
    static Supplier<ProfileFile> files(Path dir, String config, String credentials) throws IOException {
        Path configFile = Files.writeString(dir.resolve("config"), config);
        Path credentialsFile = Files.writeString(dir.resolve("credentials"), credentials);
        ProfileFile merged = ProfileFile.aggregator()
                .addFile(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build())
                .addFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build())
                .build();
        return () -> merged;
    }
}
