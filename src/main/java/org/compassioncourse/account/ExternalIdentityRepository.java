package org.compassioncourse.account;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

interface ExternalIdentityRepository extends JpaRepository<ExternalIdentity, Long> {

    Optional<ExternalIdentity> findByIssuerAndSubject(String issuer, String subject);

    long countByAccountId(long accountId);

    /** Forgets every provider identity of an account (its personal data is being erased). */
    @Modifying(flushAutomatically = true)
    @Query("delete from ExternalIdentity i where i.accountId = :accountId")
    int deleteAllOf(@Param("accountId") long accountId);
}
