package org.compassioncourse.account;

import org.compassioncourse.security.Role;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Pages of accounts for the administration list: filter, sort, offset and limit all done by the database. */
@Component
class AccountDirectory {

    private final EntityManager entityManager;

    AccountDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    long count(AccountFilter filter) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<UserAccount> account = query.from(UserAccount.class);
        query.select(cb.count(account)).where(matching(cb, account, filter));
        return entityManager.createQuery(query).getSingleResult();
    }

    List<AccountRow> page(AccountFilter filter, int offset, int limit, List<AccountSort> sort) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AccountRow> query = cb.createQuery(AccountRow.class);
        Root<UserAccount> account = query.from(UserAccount.class);
        query.select(cb.construct(AccountRow.class, account.get("id"), account.get("displayName"), account.get("email"),
                        account.get("role"), account.get("administrator"), account.get("active"), account.get("setupPending"),
                        account.get("erasedAt"), account.get("createdAt")))
                .where(matching(cb, account, filter));
        List<Order> orders = new ArrayList<>();
        for (AccountSort s : sort) {
            orders.add(s.ascending() ? cb.asc(account.get(s.field().attribute)) : cb.desc(account.get(s.field().attribute)));
        }
        if (orders.isEmpty()) {
            orders.add(cb.asc(account.get("displayName")));
        }
        orders.add(cb.asc(account.get("id"))); // a stable order, so pages neither repeat nor skip rows
        query.orderBy(orders);
        return entityManager.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private static Predicate[] matching(CriteriaBuilder cb, Root<UserAccount> account, AccountFilter filter) {
        List<Predicate> where = new ArrayList<>();
        String text = filter.text() == null ? "" : filter.text().strip().toLowerCase(Locale.ROOT);
        if (!text.isEmpty()) {
            String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.add(cb.or(cb.like(cb.lower(account.get("displayName")), pattern, '\\'),
                    cb.like(account.get("email"), pattern, '\\')));
        }
        if (filter.role() != null) {
            where.add(switch (filter.role()) {
                case LEARNER -> cb.equal(account.get("role"), Role.LEARNER);
                case INSTRUCTOR -> cb.equal(account.get("role"), Role.INSTRUCTOR);
                case ADMINISTRATOR -> cb.isTrue(account.get("administrator"));
            });
        }
        if (filter.status() != null) {
            where.add(filter.status() == AccountFilter.Status.ACTIVE ? cb.isTrue(account.get("active")) : cb.isFalse(account.get("active")));
        }
        return where.toArray(Predicate[]::new);
    }
}
