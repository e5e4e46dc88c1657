package org.compassioncourse.account;

/** A password reset was refused: the link does not work (used, expired, unknown) or the new password is not allowed. */
public class PasswordResetException extends RuntimeException {

    /** What went wrong, so the page can show it in the right place. */
    public enum Problem { LINK_DOES_NOT_WORK, PASSWORD }

    private final Problem problem;

    PasswordResetException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
