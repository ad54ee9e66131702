package dev.ecrplugin.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ecrplugin.testing.LocalStack;
import dev.ecrplugin.testing.MotoAuthOff;
import dev.ecrplugin.testing.NeedsStack;
import java.util.UUID;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;

/** The create-repository goal as Maven configures it from a POM, against moto. */
@MojoTest
@ExtendWith(MotoAuthOff.class)
@NeedsStack
class CreateRepositoryMojoTest {

    private static final String POM = "src/test/resources/unit/create-repository/pom.xml";

    @Test
    @InjectMojo(goal = "create-repository", pom = POM)
    void createsTheRepositoryFromThePomThenLeavesItUnchanged(CreateRepositoryMojo mojo) throws Exception {
        String name = "harness/" + UUID.randomUUID();
        MojoExtension.setVariableValueToObject(mojo, "repositoryName", name);
        MojoExtension.setVariableValueToObject(mojo, "endpoint", LocalStack.endpoint());

        mojo.execute();

        try (EcrClient ecr = LocalStack.ecr()) {
            Repository repo = ecr.describeRepositories(r -> r.repositoryNames(name)).repositories().get(0);
            assertEquals("IMMUTABLE", repo.imageTagMutabilityAsString(), "from the POM's <imageTagMutability>");
            assertTrue(repo.imageScanningConfiguration().scanOnPush(), "from the POM's <scanOnPush>");
            assertEquals("platform", ecr.listTagsForResource(r -> r.resourceArn(repo.repositoryArn())).tags().stream()
                    .filter(t -> t.key().equals("team")).findFirst().orElseThrow().value());

            mojo.execute(); // converged: nothing to do
            Repository again = ecr.describeRepositories(r -> r.repositoryNames(name)).repositories().get(0);
            assertEquals(repo, again);
        }
    }

    @Test
    @InjectMojo(goal = "create-repository", pom = POM)
    void anInvalidNameFailsNamingTheParameter(CreateRepositoryMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "repositoryName", "Repo_1");
        MojoExtension.setVariableValueToObject(mojo, "endpoint", LocalStack.endpoint());

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("<repositoryName> 'Repo_1' is not a valid ECR repository name"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "create-repository", pom = POM)
    void skipDoesNotCallAws(CreateRepositoryMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "skip", true);
        MojoExtension.setVariableValueToObject(mojo, "endpoint", "http://127.0.0.1:1"); // nothing listens there
        mojo.execute();
    }
}
