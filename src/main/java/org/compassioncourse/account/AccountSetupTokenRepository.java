package org.compassioncourse.account;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;

interface AccountSetupTokenRepository extends JpaRepository<AccountSetupToken, Long> {

    Optional<AccountSetupToken> findByTokenHash(String tokenHash);

    /** Voids an account's unused links (a newer one replaces them, or one of them was just used). */
    @Modifying(flushAutomatically = true)
    @Query("update AccountSetupToken t set t.usedAt = :moment where t.accountId = :accountId and t.usedAt is null")
    int useAllOf(long accountId, Instant moment);
}
