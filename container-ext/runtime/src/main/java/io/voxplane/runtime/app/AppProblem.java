package io.voxplane.runtime.app;

/**
 * A deployment problem of the app model: a searchable code and what is wrong, where. Becomes a
 * deployment failure ({@code AfterDeploymentValidation.addDeploymentProblem}) whose message
 * starts with the code.
 */
final class AppProblem extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String code;

    AppProblem(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
