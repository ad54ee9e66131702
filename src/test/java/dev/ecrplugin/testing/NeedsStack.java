package dev.ecrplugin.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class or method that needs the local stack (stack/ecr-stack: moto, the registry, the stack's dockerd, or the
 * environment {@code stack/ecr-stack run} gives). {@code ./mvnw test} runs every other test, with no stack; these run
 * in the {@code stack-tests} execution of surefire (phase {@code integration-test}, after the check that the stack is
 * there), so {@code ./mvnw verify} without the stack fails loudly, naming how to start it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsStack.TAG)
public @interface NeedsStack {

    /** The JUnit tag the pom's surefire executions select by. */
    String TAG = "stack";
}
