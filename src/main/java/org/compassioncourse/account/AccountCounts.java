package org.compassioncourse.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/** How many accounts there are, counted by the database: for the operators' metrics and the load test's safety check. */
@Component
public class AccountCounts {

    private final JdbcTemplate jdbc;

    public AccountCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether an account logs in with this email (lower case, as stored). */
    @Transactional(readOnly = true)
    public boolean exists(String email) {
        Long found = jdbc.queryForObject("select count(*) from user_account where email = ?", Long.class, email);
        return found != null && found > 0;
    }

    /**
     * The accounts whose email neither ends in one of the domains ({@code "@synthetic.invalid"}) nor is one of the
     * emails: real people, when the domains and emails are the invented ones.
     */
    @Transactional(readOnly = true)
    public long excluding(List<String> emailDomains, List<String> emails) {
        StringBuilder sql = new StringBuilder("select count(*) from user_account");
        List<Object> args = new ArrayList<>();
        String joiner = " where ";
        for (String domain : emailDomains) {
            sql.append(joiner).append("email not like ?");
            args.add("%" + domain);
            joiner = " and ";
        }
        if (!emails.isEmpty()) {
            sql.append(joiner).append("email not in (").append(String.join(", ", emails.stream().map(e -> "?").toList())).append(')');
            args.addAll(emails);
        }
        Long counted = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return counted == null ? 0 : counted;
    }
}
