package dev.ecrplugin.policy;

/**
 * The kinds of document the plugin sends, each with the POM parameters that give it. An identity policy (IAM managed
 * policy) names no principal; a repository policy (ECR, resource-based) must name one; a lifecycle policy (ECR's
 * image expiry rules, {@link LifecyclePolicy}) is no IAM policy at all.
 */
public enum PolicyKind {
    IDENTITY("policyFile", "ecr.policyFile", "policyDocument", "ecr.policyDocument", "IAM policy"),
    REPOSITORY("repositoryPolicyFile", "ecr.repositoryPolicyFile", "repositoryPolicyDocument",
            "ecr.repositoryPolicyDocument", "repository policy"),
    LIFECYCLE("lifecyclePolicyFile", "ecr.lifecyclePolicyFile", "lifecyclePolicyDocument",
            "ecr.lifecyclePolicyDocument", "lifecycle policy");

    private final String fileParameter;
    private final String fileProperty;
    private final String inlineParameter;
    private final String inlineProperty;
    private final String what;

    PolicyKind(String fileParameter, String fileProperty, String inlineParameter, String inlineProperty, String what) {
        this.fileParameter = fileParameter;
        this.fileProperty = fileProperty;
        this.inlineParameter = inlineParameter;
        this.inlineProperty = inlineProperty;
        this.what = what;
    }

    /** The POM element of the file form, e.g. {@code policyFile}. */
    public String fileParameter() {
        return fileParameter;
    }

    public String fileProperty() {
        return fileProperty;
    }

    /** The POM element of the inline form, e.g. {@code policyDocument}. */
    public String inlineParameter() {
        return inlineParameter;
    }

    public String inlineProperty() {
        return inlineProperty;
    }

    /** What users call it: "IAM policy", "repository policy". */
    public String what() {
        return what;
    }
}
