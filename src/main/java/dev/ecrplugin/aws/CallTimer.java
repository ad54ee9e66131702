package dev.ecrplugin.aws;

import dev.ecrplugin.core.Reporter;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Says at DEBUG how long each AWS call took, retries included ({@code IAM GetPolicy took 23 ms}): where a goal's time
 * goes, and what bench/tutorial-vs-cli.sh subtracts to find the plugin's own part of a goal.
 */
final class CallTimer implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("ecr-plugin.call-started");

    private final AwsService service;
    private final Reporter reporter;

    CallTimer(AwsService service, Reporter reporter) {
        this.service = service;
        this.reporter = reporter;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        report(attributes, "");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        report(attributes, " (failed: " + context.exception().getClass().getSimpleName() + ")");
    }

    private void report(ExecutionAttributes attributes, String outcome) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            reporter.debug(service.title() + " " + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
                    + " took " + (System.nanoTime() - started) / 1_000_000 + " ms" + outcome);
        }
    }
}
