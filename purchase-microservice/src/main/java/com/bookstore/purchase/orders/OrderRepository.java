package com.bookstore.purchase.orders;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, String> {

    Optional<Order> findByIdAndUserIdAndStatusNot(String id, long userId, OrderStatus hidden);

    Page<Order> findByUserIdAndStatusNotOrderByCreatedAtDesc(long userId, OrderStatus hidden, Pageable page);

    Page<Order> findByStatusOrderByCreatedAtDesc(OrderStatus status, Pageable page);

    Page<Order> findByStatusNotOrderByCreatedAtDesc(OrderStatus hidden, Pageable page);

    /** Moves an order only if it is still where the caller believes: 1 if it moved, 0 if not. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Order o set o.status = :to where o.id = :id and o.status = :from")
    int transition(String id, OrderStatus from, OrderStatus to);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Order o set o.stockReleased = true where o.id = :id")
    int markStockReleased(String id);

    @Query("select o.id from Order o where o.userId = :userId and o.status = 'RESERVING' and o.createdAt > :after")
    List<String> idsReservingSince(long userId, Instant after);

    @Query("select o.id from Order o where o.status = :status and o.createdAt < :before")
    List<String> idsCreatedBefore(OrderStatus status, Instant before);

    @Query("select o.id from Order o where o.status = 'PENDING_PAYMENT' and o.expiresAt < :now")
    List<String> idsExpiredAt(Instant now);

    @Query("select o.id from Order o where o.status in ('CANCELLED', 'EXPIRED') and o.stockReleased = false")
    List<String> idsWithStockToRelease();

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("delete from Order o where o.id = :id and o.status = 'RESERVING'")
    int deleteReserving(String id);
}
