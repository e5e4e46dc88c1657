package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.ProviderAccounts;
import org.compassioncourse.security.ProviderIdentity;
import org.compassioncourse.security.ProviderSignInRefused;
import org.compassioncourse.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The account behind a sign-in with the identity provider. The provider's identity (issuer and subject) is what
 * counts: once linked, the email no longer matters. The first sign-in links the account that has the token's email,
 * but only when the provider verified that email ({@code email_verified}); otherwise, if no account has the email, it
 * creates one (a learner, or what the role claim grants), with no password of its own. Where the provider decides
 * roles, each sign-in applies them, and a change ends the account's other sessions and goes into the audit log.
 */
@Service
class ProviderSignIns implements ProviderAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSignIns.class);

    static final String UNVERIFIED_EMAIL = "An account with your email address already exists here, but your hospital "
            + "account has not confirmed that this email address is yours, so we did not connect them. Log in with your "
            + "password instead, or ask your IT service desk to mark your email address as verified; an administrator of "
            + "the course can also help.";
    static final String NO_EMAIL = "Your hospital account did not tell us your email address, which a new account here "
            + "needs. Ask your IT service desk to release the email claim to this app.";
    static final String DEACTIVATED = "Your account here is deactivated. Ask an administrator of the course to reactivate it.";

    private final UserAccountRepository accounts;
    private final ExternalIdentityRepository identities;
    private final SetupLinks setupLinks;
    private final ApplicationEventPublisher events;

    ProviderSignIns(UserAccountRepository accounts, ExternalIdentityRepository identities, SetupLinks setupLinks,
                    ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.identities = identities;
        this.setupLinks = setupLinks;
        this.events = events;
    }

    @Override
    @Transactional
    public CurrentUser signIn(ProviderIdentity identity) {
        Optional<ExternalIdentity> linked = identities.findByIssuerAndSubject(identity.issuer(), identity.subject());
        UserAccount account = linked.isPresent()
                ? accounts.findById(linked.get().accountId()).orElseThrow(() -> new ProviderSignInRefused(DEACTIVATED))
                : link(identity);
        if (!account.isActive()) {
            throw new ProviderSignInRefused(DEACTIVATED);
        }
        Instant now = setupLinks.now();
        ProviderIdentity.ProviderRoles granted = identity.roles();
        if (granted != null && (granted.role() != account.getRole() || granted.administrator() != account.isAdministrator())) {
            String detail = describe(account.getRole(), account.isAdministrator()) + " → "
                    + describe(granted.role(), granted.administrator()) + ", from the identity provider at sign-in ("
                    + granted.claimValues() + ")";
            account.setRole(granted.role());
            account.setAdministrator(granted.administrator());
            // sessions begun with the old role end; this one begins now, with the new one
            account.endSessionsBefore(now);
            events.publishEvent(new ProviderRoleChanged(account.getId(), detail));
            LOG.info("Account #{}: {}", account.getId(), detail);
        }
        accounts.saveAndFlush(account);
        return AccountUserDetailsService.toCurrentUser(account, now);
    }

    /** The first sign-in of this identity: the account with its verified email, or a new one. */
    private UserAccount link(ProviderIdentity identity) {
        String email = identity.email() == null ? "" : EmailAddress.normalize(identity.email());
        if (email.isEmpty()) {
            throw new ProviderSignInRefused(NO_EMAIL);
        }
        UserAccount account = accounts.findByEmail(email).orElse(null);
        if (account != null && !identity.emailVerified()) {
            // never silently: whoever controls an unverified email at the provider must not reach someone's account
            LOG.warn("Refused to link a provider identity to account #{}: the provider did not verify the email", account.getId());
            throw new ProviderSignInRefused(UNVERIFIED_EMAIL);
        }
        if (account == null) {
            ProviderIdentity.ProviderRoles granted = identity.roles();
            account = new UserAccount(email, displayName(identity.name()), setupLinks.unusablePasswordHash(),
                    granted == null ? Role.LEARNER : granted.role(), setupLinks.now());
            if (granted != null) {
                account.setAdministrator(granted.administrator());
            }
            account = accounts.saveAndFlush(account);
            LOG.info("Account #{} created at its first sign-in with the identity provider", account.getId());
        } else {
            LOG.info("Account #{} linked to its identity at the identity provider (verified email)", account.getId());
        }
        identities.saveAndFlush(new ExternalIdentity(identity.issuer(), identity.subject(), account.getId(), setupLinks.now()));
        return account;
    }

    private static String displayName(String fromToken) {
        String name = fromToken.strip();
        if (name.length() > DisplayName.MAX_LENGTH) {
            name = name.substring(0, DisplayName.MAX_LENGTH).strip();
        }
        try {
            return DisplayName.parse(name).value();
        } catch (InvalidValueException notAName) {
            return "Learner";
        }
    }

    private static String describe(Role role, boolean administrator) {
        String name = role.name().toLowerCase(Locale.ROOT);
        return administrator ? name + " and administrator" : name;
    }

    /** For tests: how many provider identities lead to this account. */
    long identitiesOf(long accountId) {
        return identities.countByAccountId(accountId);
    }
}
