package dev.ecrplugin.maven;

import dev.ecrplugin.aws.AwsClients;
import dev.ecrplugin.policy.Placeholders;
import java.io.File;
import java.nio.file.Path;

/** What the goals that take policy documents share. */
final class Documents {

    private Documents() {}

    /** The directory document files are relative to: the project's, or the working directory without a project. */
    static Path basedir(File basedir) {
        return (basedir != null ? basedir.toPath() : Path.of("")).toAbsolutePath();
    }

    /** The placeholder values of the session's AWS clients; the account is asked of STS only when used. */
    static Placeholders placeholders(AwsClients aws) {
        return new Placeholders(aws::accountId, () -> aws.region().id(), aws::partition);
    }
}
