package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.security.ThrottleEvents;
import org.compassioncourse.security.ThrottleProperties;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** Creates accounts: learners who register themselves, and the demo accounts of a fresh install. */
@Service
public class AccountService {

    public static final int MAX_DISPLAY_NAME = DisplayName.MAX_LENGTH;
    public static final int MAX_EMAIL = EmailAddress.MAX_LENGTH;
    public static final String TOO_MANY_FROM_NETWORK = "Too many new accounts from this network; try again later.";

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy = new PasswordPolicy();
    private final Clock clock;
    private final ThrottleEvents throttleEvents;
    private final ThrottleProperties limits;
    private final RegistrationPolicy registrationPolicy;
    private final List<RegistrationInvitations> invitations;

    @Autowired
    AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock,
                   ThrottleEvents throttleEvents, ThrottleProperties limits, RegistrationPolicy registrationPolicy,
                   List<RegistrationInvitations> invitations) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.throttleEvents = throttleEvents;
        this.limits = limits;
        this.registrationPolicy = registrationPolicy;
        this.invitations = invitations;
    }

    /** Open registration, as before the setting existed (tests of other rules). */
    AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock,
                   ThrottleEvents throttleEvents, ThrottleProperties limits) {
        this(accounts, passwordEncoder, clock, throttleEvents, limits, RegistrationPolicy.open(), List.of());
    }

    /**
     * Registers a learner who came through the register page. Nothing is stored unless every rule holds, and at most
     * {@code course.throttle.registrations-per-address} (5) accounts are created from one client address within
     * {@code registration-window} (1 hour), counted in the shared database so the limit holds across nodes. The count
     * is checked before the password is hashed, so refused attempts cost little; two nodes racing at the limit may
     * let one account more through.
     *
     * @param clientAddress the visitor's address ({@code request.getRemoteAddr()}; behind a proxy the forwarded one)
     * @throws RegistrationException with a message for the person when a rule does not hold
     */
    @Transactional
    public CurrentUser registerLearner(RegistrationForm form, String clientAddress) {
        return registerLearner(form, clientAddress, null);
    }

    /**
     * Registers a learner who came through the register page, possibly by an invitation (a cohort's join link). Who
     * may register at all is {@code course.registration.mode}'s ({@link RegistrationPolicy}): with
     * {@code invitation-only} only a live invitation admits; with {@code domains} only emails at the listed domains
     * (an invitation does not widen that).
     *
     * @param invitationCode the code of the invitation the visitor came by (a cohort join code), or null
     * @throws RegistrationException with a message for the person when a rule does not hold
     */
    @Transactional
    public CurrentUser registerLearner(RegistrationForm form, String clientAddress, @Nullable String invitationCode) {
        if (throttleEvents.count(ThrottleEvents.Kind.REGISTRATION_ADDRESS, clientAddress, limits.registrationWindow(),
                limits.registrationsPerAddress()) >= limits.registrationsPerAddress()) {
            throw new RegistrationException(RegistrationException.Field.EMAIL, TOO_MANY_FROM_NETWORK);
        }
        boolean invited = invitationCode != null && !invitationCode.isBlank()
                && invitations.stream().anyMatch(invitation -> invitation.admitsRegistration(invitationCode));
        registrationPolicy.refusal(EmailAddress.normalize(form.email()), invited).ifPresent(refusal -> {
            throw new RegistrationException(RegistrationException.Field.EMAIL, refusal);
        });
        CurrentUser created = register(form, Role.LEARNER);
        throttleEvents.record(ThrottleEvents.Kind.REGISTRATION_ADDRESS, clientAddress);
        return created;
    }

    /**
     * Registers a learner with no visitor behind the call (imports, tests, synthetic cohorts): the same rules, but no
     * per-address limit. Pages must call {@link #registerLearner(RegistrationForm, String)}.
     *
     * @throws RegistrationException with a message for the person when a rule does not hold
     */
    @Transactional
    public CurrentUser registerLearner(RegistrationForm form) {
        return register(form, Role.LEARNER);
    }

    /** Creates an account of the given role, applying the same rules as self-registration. */
    @Transactional
    CurrentUser register(RegistrationForm form, Role role) {
        String displayName;
        String email;
        try {
            displayName = DisplayName.parse(form.displayName()).value();
        } catch (InvalidValueException refused) {
            throw new RegistrationException(RegistrationException.Field.DISPLAY_NAME, refused.getMessage());
        }
        try {
            email = EmailAddress.parse(form.email()).value();
        } catch (InvalidValueException refused) {
            throw new RegistrationException(RegistrationException.Field.EMAIL, refused.getMessage());
        }
        passwordPolicy.problemWith(form.password(), email, displayName).ifPresent(problem -> {
            throw new RegistrationException(RegistrationException.Field.PASSWORD, problem);
        });
        if (accounts.existsByEmail(email)) {
            throw emailTaken();
        }
        try {
            UserAccount account = accounts.saveAndFlush(new UserAccount(email, displayName,
                    passwordEncoder.encode(form.password()), role, clock.instant()));
            return AccountUserDetailsService.toCurrentUser(account);
        } catch (DataIntegrityViolationException raceWithAnotherRegistration) {
            throw emailTaken();
        }
    }

    @Transactional(readOnly = true)
    public long countAccounts() {
        return accounts.count();
    }

    private static RegistrationException emailTaken() {
        return new RegistrationException(RegistrationException.Field.EMAIL,
                "An account with this email already exists. Log in instead, or use another email.");
    }

}
