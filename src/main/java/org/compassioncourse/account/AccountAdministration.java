package org.compassioncourse.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * What administrators do to accounts: list and search them, change roles, invite instructors, deactivate, reactivate
 * and erase. Administrators only; every change is written to the audit log, and a change that alters what the person
 * may do ends their open sessions on every node, so it takes effect on their next request.
 */
@Service
@PreAuthorize("hasRole('ADMINISTRATOR')")
public class AccountAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(AccountAdministration.class);
    private static final int MAX_PAGE = 500;

    private final UserAccountRepository accounts;
    private final AccountDirectory directory;
    private final AccountSessions sessions;
    private final SetupLinks setupLinks;
    private final AuditLog auditLog;
    private final SignedInUser signedInUser;
    private final PasswordResets passwordResets;
    private final ApplicationEventPublisher events;
    private final ThrottleEvents throttleEvents;

    AccountAdministration(UserAccountRepository accounts, AccountDirectory directory, AccountSessions sessions,
                          SetupLinks setupLinks, AuditLog auditLog, SignedInUser signedInUser, PasswordResets passwordResets,
                          ApplicationEventPublisher events, ThrottleEvents throttleEvents) {
        this.passwordResets = passwordResets;
        this.events = events;
        this.throttleEvents = throttleEvents;
        this.accounts = accounts;
        this.directory = directory;
        this.sessions = sessions;
        this.setupLinks = setupLinks;
        this.auditLog = auditLog;
        this.signedInUser = signedInUser;
    }

    @Transactional(readOnly = true)
    public long countAccounts(AccountFilter filter) {
        return directory.count(filter);
    }

    /** One page of the filtered list, sorted by the database (then by id, so paging is stable). */
    @Transactional(readOnly = true)
    public List<AccountRow> accounts(AccountFilter filter, int offset, int limit, List<AccountSort> sort) {
        return directory.page(filter, Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE), sort);
    }

    /**
     * Sets the account's role and administrator flag. Refused for an erased account and when it would leave no active
     * administrator. The person's sessions end, so they log in again and get the new role on their next request.
     */
    @Transactional
    public AccountRow changeRole(long accountId, Role role, boolean administrator) {
        UserAccount account = requireAccount(accountId);
        refuseErased(account);
        if (account.getRole() == role && account.isAdministrator() == administrator) {
            return row(account);
        }
        if (account.isAdministrator() && !administrator && account.isActive() && accounts.countByAdministratorTrueAndActiveTrue() <= 1) {
            throw new AdministrationException("This is the last active administrator. Make someone else an administrator first.");
        }
        String detail = describe(account.getRole(), account.isAdministrator()) + " → " + describe(role, administrator);
        account.setRole(role);
        account.setAdministrator(administrator);
        accounts.saveAndFlush(account);
        sessions.endAllSessions(accountId);
        auditLog.record(actorId(), AuditAction.ROLE_CHANGE, accountId, detail);
        return row(account);
    }

    /**
     * Invites an instructor: creates their account (no usable password yet) and returns a single-use link, valid for
     * 7 days, through which they set their name and password. Inviting an email whose invitation was never used issues
     * a new link and voids the old one. The link is also written to the application log.
     */
    @Transactional
    public SetupLink inviteInstructor(String email) {
        String normalized;
        try {
            normalized = EmailAddress.parse(email).value();
        } catch (InvalidValueException refused) {
            throw new AdministrationException(EmailAddress.NOT_AN_ADDRESS);
        }
        UserAccount account = accounts.findByEmail(normalized).orElse(null);
        if (account != null && !account.isSetupPending()) {
            throw new AdministrationException("An account with this email already exists. To make it an instructor, change its role in the list.");
        }
        if (account == null) {
            try {
                account = accounts.saveAndFlush(new UserAccount(normalized, nameUntilSetup(normalized),
                        setupLinks.unusablePasswordHash(), Role.INSTRUCTOR, setupLinks.now()));
            } catch (DataIntegrityViolationException invitedTwiceAtOnce) {
                throw new AdministrationException("An account with this email was created just now. Reload the list.");
            }
        }
        account.setRole(Role.INSTRUCTOR);
        account.awaitSetup(setupLinks.unusablePasswordHash());
        accounts.saveAndFlush(account);
        SetupLink link = setupLinks.issue(account.getId(), AccountSetupToken.Purpose.INSTRUCTOR_INVITATION, SetupLinks.INVITATION_VALIDITY);
        auditLog.record(actorId(), AuditAction.INVITE_INSTRUCTOR, account.getId(), "link valid until " + link.expiresAt());
        LOG.info("Instructor invitation for account #{} ({}): {} (single use, valid until {})",
                account.getId(), normalized, link.url(), link.expiresAt());
        return link;
    }

    /** Closes the account: it cannot log in, and its open sessions end at their next request on every node. */
    @Transactional
    public AccountRow deactivate(long accountId) {
        UserAccount account = requireAccount(accountId);
        if (accountId == actorId()) {
            throw new AdministrationException("You cannot deactivate your own account. Ask another administrator.");
        }
        if (!account.isActive()) {
            return row(account);
        }
        if (account.isAdministrator() && accounts.countByAdministratorTrueAndActiveTrue() <= 1) {
            throw new AdministrationException("This is the last active administrator. Make someone else an administrator first.");
        }
        account.setActive(false);
        accounts.saveAndFlush(account);
        sessions.endAllSessions(accountId);
        auditLog.record(actorId(), AuditAction.DEACTIVATE, accountId, "");
        return row(account);
    }

    /**
     * A password reset link for someone whose email does not work (the administrator passes it on in person); valid for
     * course.password-reset.admin-link-lifetime, single use, recorded in the audit log (not the link itself).
     */
    @Transactional
    public String issuePasswordResetLink(long accountId) {
        UserAccount account = requireAccount(accountId);
        refuseErased(account);
        if (!account.isActive()) {
            throw new AdministrationException("This account is deactivated. Reactivate it first.");
        }
        String link = passwordResets.issueLinkFor(accountId);
        auditLog.record(actorId(), AuditAction.ISSUE_RESET_LINK, accountId, "");
        return link;
    }

    /** Lets a deactivated account log in again (an erased one stays closed). */
    @Transactional
    public AccountRow reactivate(long accountId) {
        UserAccount account = requireAccount(accountId);
        refuseErased(account);
        if (account.isActive()) {
            return row(account);
        }
        account.setActive(true);
        accounts.saveAndFlush(account);
        auditLog.record(actorId(), AuditAction.REACTIVATE, accountId, "");
        return row(account);
    }

    /**
     * Erases a learner's personal data on request: name and email become placeholders ("Former learner #12",
     * erased-12@invalid), the password stops working, the account is deactivated and its sessions end. Attempts,
     * answers and progress stay under the account id, now anonymous, so cohort and item statistics do not change.
     * Only learners who are not administrators can be erased (change the role first otherwise). Cannot be undone.
     */
    @Transactional
    public AccountRow erase(long accountId) {
        UserAccount account = requireAccount(accountId);
        refuseErased(account);
        if (accountId == actorId()) {
            throw new AdministrationException("You cannot erase your own account. Ask another administrator.");
        }
        if (account.getRole() != Role.LEARNER || account.isAdministrator()) {
            throw new AdministrationException("Only a learner's data can be erased. Change the role to learner (not administrator) first.");
        }
        String formerEmail = account.getEmail();
        account.erase(setupLinks.now(), setupLinks.unusablePasswordHash());
        accounts.saveAndFlush(account);
        events.publishEvent(new AccountErased(accountId, account.getDisplayName()));
        setupLinks.voidAll(accountId);
        sessions.endAllSessions(accountId);
        // failed logins and reset requests counted against the old email (keyed, but still about this person)
        throttleEvents.forgetEmail(formerEmail);
        // what instructors wrote about the learner in the log (a revoke reason may name them) goes too
        auditLog.redactFreeTextAbout(accountId);
        auditLog.record(actorId(), AuditAction.ERASE, accountId, "on request");
        return row(account);
    }

    @Transactional(readOnly = true)
    public long countAuditEntries() {
        return auditLog.count();
    }

    /** The audit log, newest first, one page. There is no way to change or delete an entry. */
    @Transactional(readOnly = true)
    public List<AuditRow> auditLog(int offset, int limit) {
        return auditLog.page(Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE));
    }

    private UserAccount requireAccount(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new AdministrationException("There is no such account. Reload the list."));
    }

    private static void refuseErased(UserAccount account) {
        if (account.getErasedAt() != null) {
            throw new AdministrationException("This account was erased; it cannot be changed or reopened.");
        }
    }

    private long actorId() {
        return signedInUser.require().accountId();
    }

    private static String describe(Role role, boolean administrator) {
        String base = role == Role.INSTRUCTOR ? "instructor" : "learner";
        return administrator ? base + " + administrator" : base;
    }

    /** Until the invited person gives their name, the list shows the part of the email before the @. */
    static String nameUntilSetup(String email) {
        String local = email.substring(0, email.indexOf('@'));
        return local.length() > AccountService.MAX_DISPLAY_NAME ? local.substring(0, AccountService.MAX_DISPLAY_NAME) : local;
    }

    static AccountRow row(UserAccount account) {
        return new AccountRow(account.getId(), account.getDisplayName(), account.getEmail(), account.getRole(),
                account.isAdministrator(), account.isActive(), account.isSetupPending(), account.getErasedAt(), account.getCreatedAt());
    }
}
