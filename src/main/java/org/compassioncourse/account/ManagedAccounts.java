package org.compassioncourse.account;

import org.compassioncourse.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accounts as the administration feature manages them: the list, and the changes an administrator makes to an
 * account's own record (role, active, erasure). This feature keeps the record and ends sessions where a change calls
 * for it; the administration feature decides which changes are allowed and writes the audit log.
 */
@Service
@PreAuthorize("hasRole('ADMINISTRATOR')")
public class ManagedAccounts {

    private final UserAccountRepository accounts;
    private final AccountDirectory directory;
    private final AccountSessions sessions;
    private final SetupLinks setupLinks;
    private final ExternalIdentityRepository identities;

    ManagedAccounts(UserAccountRepository accounts, AccountDirectory directory, AccountSessions sessions, SetupLinks setupLinks,
                    ExternalIdentityRepository identities) {
        this.identities = identities;
        this.accounts = accounts;
        this.directory = directory;
        this.sessions = sessions;
        this.setupLinks = setupLinks;
    }

    /** The name and email an account shows now (an erased one's placeholders). */
    public record Name(String displayName, String email) {
    }

    @Transactional(readOnly = true)
    public long count(AccountFilter filter) {
        return directory.count(filter);
    }

    /** One page of the filtered list, sorted by the database (then by id, so paging is stable). */
    @Transactional(readOnly = true)
    public List<AccountRow> page(AccountFilter filter, int offset, int limit, List<AccountSort> sort) {
        return directory.page(filter, offset, limit, sort);
    }

    @Transactional(readOnly = true)
    public Optional<AccountRow> find(long accountId) {
        return accounts.findById(accountId).map(ManagedAccounts::row);
    }

    /** The current names of these accounts, in one query; an id with no account is left out. */
    @Transactional(readOnly = true)
    public Map<Long, Name> namesOf(Collection<Long> accountIds) {
        return accounts.findAllById(accountIds).stream()
                .collect(Collectors.toMap(UserAccount::getId, account -> new Name(account.getDisplayName(), account.getEmail()),
                        (first, same) -> first, java.util.HashMap::new));
    }

    @Transactional(readOnly = true)
    public long countActiveAdministrators() {
        return accounts.countByAdministratorTrueAndActiveTrue();
    }

    /** Sets role and administrator flag; the person's sessions end, so the new role holds from their next request. */
    @Transactional
    public AccountRow changeRole(long accountId, Role role, boolean administrator) {
        return change(accountId, account -> {
            account.setRole(role);
            account.setAdministrator(administrator);
            return true;
        });
    }

    /** Opens or closes the account; closing it ends its open sessions on every node at their next request. */
    @Transactional
    public AccountRow setActive(long accountId, boolean active) {
        return change(accountId, account -> {
            account.setActive(active);
            return !active;
        });
    }

    /**
     * Replaces name and email with placeholders, stops the password working, closes the account, voids its links and
     * ends its sessions. Returns the email it had, for whatever else was counted against it.
     */
    @Transactional
    public Erased erase(long accountId) {
        UserAccount account = accounts.findById(accountId).orElseThrow();
        String formerEmail = account.getEmail();
        account.erase(setupLinks.now(), setupLinks.unusablePasswordHash());
        accounts.saveAndFlush(account);
        setupLinks.voidAll(accountId);
        // the provider's subject identifies the person too; a later sign-in with it makes a new account
        identities.deleteAllOf(accountId);
        sessions.endAllSessions(accountId);
        return new Erased(row(account), formerEmail);
    }

    /** An erased account as it reads now, and the email it had. */
    public record Erased(AccountRow row, String formerEmail) {
    }

    private AccountRow change(long accountId, Function<UserAccount, Boolean> changeEndingSessions) {
        UserAccount account = accounts.findById(accountId).orElseThrow();
        boolean endSessions = changeEndingSessions.apply(account);
        accounts.saveAndFlush(account);
        if (endSessions) {
            sessions.endAllSessions(accountId);
        }
        return row(account);
    }

    static AccountRow row(UserAccount account) {
        return new AccountRow(account.getId(), account.getDisplayName(), account.getEmail(), account.getRole(),
                account.isAdministrator(), account.isActive(), account.isSetupPending(), account.getErasedAt(), account.getCreatedAt());
    }
}
