package org.compassioncourse.account;

import org.compassioncourse.security.RegistrationOffer;
import org.compassioncourse.security.SignInOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may register ({@code course.registration.mode}): anyone, emails at some domains, or visitors with an invitation
 * (a cohort's join link). Decided here for the register page's service; accounts made for no visitor (demo accounts,
 * synthetic cohorts, imports) are not subject to it.
 */
@Component
public class RegistrationPolicy implements RegistrationOffer {

    public static final String BY_INVITATION = "Registration is by invitation only. Open the join link your instructor "
            + "sent you and create your account from there; if you have no link, ask your instructor or education office.";

    private final RegistrationProperties settings;
    private final SignInOptions signInOptions;

    @Autowired
    RegistrationPolicy(RegistrationProperties settings, SignInOptions signInOptions) {
        this.settings = settings;
        this.signInOptions = signInOptions;
    }

    RegistrationPolicy(RegistrationProperties settings) {
        this(settings, SignInOptions.passwordsOnly());
    }

    /** Accounts come only from the identity provider (course.sign-in.oidc.sso-only): nobody registers here. */
    public boolean ssoOnly() {
        return signInOptions.ssoOnly();
    }

    /** For the register page where accounts come from the identity provider. */
    public String ssoOnlyRule() {
        return "Accounts come from " + signInOptions.providerName().orElse("your hospital account") + ": there is "
                + "nothing to register. Go to the login page and sign in with it; your account here is made the first time.";
    }

    static RegistrationPolicy open() {
        return new RegistrationPolicy(new RegistrationProperties(RegistrationProperties.Mode.OPEN, List.of()));
    }

    public RegistrationProperties.Mode mode() {
        return settings.mode();
    }

    @Override
    public boolean byInvitationOnly() {
        return settings.mode() == RegistrationProperties.Mode.INVITATION_ONLY;
    }

    /** For the register page: e.g. "Registration is open to addresses at hospital.org or trust.nhs.uk." */
    public String domainsRule() {
        return "Registration is open to addresses at " + String.join(" or ", settings.domains()) + ".";
    }

    /**
     * Why this visitor may not register, if they may not.
     *
     * @param email   the lower-cased email they typed (a malformed one is left to the other checks)
     * @param invited whether they came with a live invitation
     */
    Optional<String> refusal(String email, boolean invited) {
        if (signInOptions.ssoOnly()) {
            return Optional.of(ssoOnlyRule());
        }
        return switch (settings.mode()) {
            case OPEN -> Optional.empty();
            case INVITATION_ONLY -> invited ? Optional.empty() : Optional.of(BY_INVITATION);
            case DOMAINS -> {
                String domain = domainOf(email);
                yield domain == null || settings.domains().contains(domain) ? Optional.empty() : Optional.of(domainsRule());
            }
        };
    }

    private static @Nullable String domainOf(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? null : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
