package org.compassioncourse.account;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

interface SingleUseLinkRepository extends JpaRepository<SingleUseLink, Long> {

    /** The link with this token hash, if it is of one of these kinds (a reset link opens no setup page). */
    Optional<SingleUseLink> findByTokenHashAndKindIn(String tokenHash, Collection<SingleUseLink.Kind> kinds);

    /** Voids an account's unused setup links (a newer one replaces them, or one of them was just used). */
    @Modifying(flushAutomatically = true)
    @Query("update SingleUseLink l set l.usedAt = :moment where l.accountId = :accountId and l.usedAt is null"
            + " and l.kind in :kinds")
    int voidAll(@Param("accountId") long accountId, @Param("kinds") Collection<SingleUseLink.Kind> kinds,
                @Param("moment") Instant moment);

    /**
     * Uses the link if nobody has yet: 1 when this call used it, 0 when another request got there first. The
     * database decides, so two requests racing with one link (on one node or two) cannot both use it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update SingleUseLink l set l.usedAt = :now where l.id = :id and l.usedAt is null and l.expiresAt > :now")
    int use(@Param("id") long id, @Param("now") Instant now);

    /** Withdraws every open link of these kinds of the account (after its password was reset with one of them). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update SingleUseLink l set l.usedAt = :now where l.accountId = :accountId and l.usedAt is null"
            + " and l.kind in :kinds")
    int withdrawAll(@Param("accountId") long accountId, @Param("kinds") Collection<SingleUseLink.Kind> kinds,
                    @Param("now") Instant now);

    /** Deletes links, of every kind, that expired or were used before the cutoff: they can open nothing any more. */
    @Modifying
    @Query("delete from SingleUseLink l where l.expiresAt < :cutoff or l.usedAt < :cutoff")
    int deleteSpentBefore(@Param("cutoff") Instant cutoff);
}
