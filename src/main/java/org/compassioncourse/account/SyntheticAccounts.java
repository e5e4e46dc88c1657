package org.compassioncourse.account;

import org.compassioncourse.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts of invented people, made in bulk for the synthetic cohorts and the load test only (never from a view):
 * thousands in one batch, every one with the same password, hashed once (Argon2 for each would take minutes).
 */
@Component
public class SyntheticAccounts {

    /** One invented person: the email they would log in with (lower case), the name the reports show, their role. */
    public record NewAccount(String email, String displayName, Role role) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;

    public SyntheticAccounts(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    /** Makes the accounts in one batch, all with this password and creation time; returns their ids in order. */
    @Transactional
    public List<Long> create(List<NewAccount> accounts, String password, Instant createdAt) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        String hash = passwordEncoder.encode(password); // once for every account
        Timestamp at = Timestamp.from(createdAt);
        List<Object[]> rows = new ArrayList<>(accounts.size());
        for (NewAccount account : accounts) {
            rows.add(new Object[]{account.email(), account.displayName(), hash, account.role().name(), at});
        }
        jdbc.batchUpdate("insert into user_account (email, display_name, password_hash, role, created_at) values (?, ?, ?, ?, ?)", rows);
        List<String> emails = accounts.stream().map(NewAccount::email).toList();
        Map<String, Long> idByEmail = new HashMap<>();
        // the new ids, 500 emails per statement (an IN list the unique email index answers; an array parameter, = any(?),
        // made H2 compare every account with every email)
        for (int from = 0; from < emails.size(); from += 500) {
            List<String> some = emails.subList(from, Math.min(emails.size(), from + 500));
            jdbc.query("select id, email from user_account where email in (" + String.join(", ", java.util.Collections.nCopies(some.size(), "?"))
                    + ")", row -> {
                        idByEmail.put(row.getString("email"), row.getLong("id"));
                    }, some.toArray());
        }
        return accounts.stream().map(account -> idByEmail.get(account.email())).toList();
    }
}
