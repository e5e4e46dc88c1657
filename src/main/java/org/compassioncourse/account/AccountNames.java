package org.compassioncourse.account;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;

/**
 * The names and emails of accounts, for other modules that show who someone is (a cohort's instructor, a learner in a
 * report). No access check: callers decide who may see whom first; views never use this.
 */
@Component
public class AccountNames {

    /** How a person is shown and reached. */
    public record Contact(long id, String displayName, String email) {
    }

    private final EntityManager entityManager;

    AccountNames(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The account's display name. */
    @Transactional(readOnly = true)
    public String displayName(long userId) {
        return entityManager.createQuery("select u.displayName from UserAccount u where u.id = :id", String.class)
                .setParameter("id", userId).getSingleResult();
    }

    /** Name and email of each of the accounts, in one query; ids of no account are left out. */
    @Transactional(readOnly = true)
    public List<Contact> contacts(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("select u.id, u.displayName, u.email from UserAccount u where u.id in :ids", Object[].class)
                .setParameter("ids", userIds).getResultStream()
                .map(row -> new Contact((Long) row[0], (String) row[1], (String) row[2])).toList();
    }
}
