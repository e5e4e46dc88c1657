package org.compassioncourse.account;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    /** Whether some administrator can log in (has set a password), active or not. */
    boolean existsByAdministratorTrueAndSetupPendingFalse();

    long countByAdministratorTrueAndActiveTrue();
}
