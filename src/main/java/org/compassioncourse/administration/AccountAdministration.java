package org.compassioncourse.administration;

import org.compassioncourse.account.AccountFilter;
import org.compassioncourse.account.AccountRow;
import org.compassioncourse.account.AccountSetup;
import org.compassioncourse.account.AccountSetupException;
import org.compassioncourse.account.AccountSort;
import org.compassioncourse.account.EmailAddress;
import org.compassioncourse.account.InvalidValueException;
import org.compassioncourse.account.ManagedAccounts;
import org.compassioncourse.account.PasswordResets;
import org.compassioncourse.account.SetupLink;
import org.compassioncourse.security.Role;
import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.security.ThrottleEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * What administrators do to accounts: list and search them, change roles, invite instructors, deactivate, reactivate
 * and erase. Administrators only; every change is written to the audit log, and a change that alters what the person
 * may do ends their open sessions on every node, so it takes effect on their next request. The rules (never the last
 * administrator, never one's own account, only learners erased) are decided here; the account feature keeps the record.
 */
@Service
@PreAuthorize("hasRole('ADMINISTRATOR')")
public class AccountAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(AccountAdministration.class);
    private static final int MAX_PAGE = 500;

    private final ManagedAccounts accounts;
    private final AccountSetup accountSetup;
    private final AuditLog auditLog;
    private final SignedInUser signedInUser;
    private final PasswordResets passwordResets;
    private final ApplicationEventPublisher events;
    private final ThrottleEvents throttleEvents;

    AccountAdministration(ManagedAccounts accounts, AccountSetup accountSetup, AuditLog auditLog, SignedInUser signedInUser,
                          PasswordResets passwordResets, ApplicationEventPublisher events, ThrottleEvents throttleEvents) {
        this.accounts = accounts;
        this.accountSetup = accountSetup;
        this.auditLog = auditLog;
        this.signedInUser = signedInUser;
        this.passwordResets = passwordResets;
        this.events = events;
        this.throttleEvents = throttleEvents;
    }

    @Transactional(readOnly = true)
    public long countAccounts(AccountFilter filter) {
        return accounts.count(filter);
    }

    /** One page of the filtered list, sorted by the database (then by id, so paging is stable). */
    @Transactional(readOnly = true)
    public List<AccountRow> accounts(AccountFilter filter, int offset, int limit, List<AccountSort> sort) {
        return accounts.page(filter, Math.max(0, offset), Math.clamp(limit, 0, MAX_PAGE), sort);
    }

    /**
     * Sets the account's role and administrator flag. Refused for an erased account and when it would leave no active
     * administrator. The person's sessions end, so they log in again and get the new role on their next request.
     */
    @Transactional
    public AccountRow changeRole(long accountId, Role role, boolean administrator) {
        AccountRow account = requireAccount(accountId);
        refuseErased(account);
        if (account.role() == role && account.administrator() == administrator) {
            return account;
        }
        if (account.administrator() && !administrator && account.active() && accounts.countActiveAdministrators() <= 1) {
            throw new AdministrationException("This is the last active administrator. Make someone else an administrator first.");
        }
        String detail = describe(account.role(), account.administrator()) + " → " + describe(role, administrator);
        AccountRow changed = accounts.changeRole(accountId, role, administrator);
        auditLog.record(actorId(), AuditAction.ROLE_CHANGE, accountId, detail);
        return changed;
    }

    /**
     * Invites an instructor: creates their account (no usable password yet) and returns a single-use link, valid for
     * 7 days, through which they set their name and password. Inviting an email whose invitation was never used issues
     * a new link and voids the old one. The link is also written to the application log.
     */
    @Transactional
    public SetupLink inviteInstructor(String email) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (InvalidValueException refused) {
            throw new AdministrationException(EmailAddress.NOT_AN_ADDRESS);
        }
        AccountSetup.InvitedInstructor invited;
        try {
            invited = accountSetup.inviteInstructor(address);
        } catch (AccountSetupException refused) {
            throw new AdministrationException(refused.getMessage());
        }
        SetupLink link = invited.link();
        auditLog.record(actorId(), AuditAction.INVITE_INSTRUCTOR, invited.accountId(), "link valid until " + link.expiresAt());
        LOG.info("Instructor invitation for account #{} ({}): {} (single use, valid until {})",
                invited.accountId(), address.value(), link.url(), link.expiresAt());
        return link;
    }

    /** Closes the account: it cannot log in, and its open sessions end at their next request on every node. */
    @Transactional
    public AccountRow deactivate(long accountId) {
        AccountRow account = requireAccount(accountId);
        if (accountId == actorId()) {
            throw new AdministrationException("You cannot deactivate your own account. Ask another administrator.");
        }
        if (!account.active()) {
            return account;
        }
        if (account.administrator() && accounts.countActiveAdministrators() <= 1) {
            throw new AdministrationException("This is the last active administrator. Make someone else an administrator first.");
        }
        AccountRow changed = accounts.setActive(accountId, false);
        auditLog.record(actorId(), AuditAction.DEACTIVATE, accountId, "");
        return changed;
    }

    /**
     * A password reset link for someone whose email does not work (the administrator passes it on in person); valid for
     * course.password-reset.admin-link-lifetime, single use, recorded in the audit log (not the link itself).
     */
    @Transactional
    public String issuePasswordResetLink(long accountId) {
        AccountRow account = requireAccount(accountId);
        refuseErased(account);
        if (!account.active()) {
            throw new AdministrationException("This account is deactivated. Reactivate it first.");
        }
        String link = passwordResets.issueLinkFor(accountId);
        auditLog.record(actorId(), AuditAction.ISSUE_RESET_LINK, accountId, "");
        return link;
    }

    /** Lets a deactivated account log in again (an erased one stays closed). */
    @Transactional
    public AccountRow reactivate(long accountId) {
        AccountRow account = requireAccount(accountId);
        refuseErased(account);
        if (account.active()) {
            return account;
        }
        AccountRow changed = accounts.setActive(accountId, true);
        auditLog.record(actorId(), AuditAction.REACTIVATE, accountId, "");
        return changed;
    }

    /**
     * Erases a learner's personal data on request: name and email become placeholders ("Former learner #12",
     * erased-12@invalid), the password stops working, the account is deactivated and its sessions end. Attempts,
     * answers and progress stay under the account id, now anonymous, so cohort and item statistics do not change.
     * Only learners who are not administrators can be erased (change the role first otherwise). Cannot be undone.
     * Publishes {@link AccountErased}, so features that keep personal data of their own anonymise it.
     */
    @Transactional
    public AccountRow erase(long accountId) {
        AccountRow account = requireAccount(accountId);
        refuseErased(account);
        if (accountId == actorId()) {
            throw new AdministrationException("You cannot erase your own account. Ask another administrator.");
        }
        if (account.role() != Role.LEARNER || account.administrator()) {
            throw new AdministrationException("Only a learner's data can be erased. Change the role to learner (not administrator) first.");
        }
        ManagedAccounts.Erased erased = accounts.erase(accountId);
        events.publishEvent(new AccountErased(accountId, erased.row().displayName()));
        // failed logins and reset requests counted against the old email (keyed, but still about this person)
        throttleEvents.forgetEmail(erased.formerEmail());
        // what instructors wrote about the learner in the log (a revoke reason may name them) goes too
        auditLog.redactFreeTextAbout(accountId);
        auditLog.record(actorId(), AuditAction.ERASE, accountId, "on request");
        return erased.row();
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

    private AccountRow requireAccount(long accountId) {
        return accounts.find(accountId).orElseThrow(() -> new AdministrationException("There is no such account. Reload the list."));
    }

    private static void refuseErased(AccountRow account) {
        if (account.erased()) {
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
}
