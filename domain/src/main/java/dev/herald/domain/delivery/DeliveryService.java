package dev.herald.domain.delivery;

import dev.herald.domain.shared.Page;
import dev.herald.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** A tenant's post attempts, newest first, a page at a time. */
@ApplicationScoped
public class DeliveryService {

  @Inject DeliveryHistory history;

  /** One read: no transaction needed. */
  @Transactional(TxType.SUPPORTS)
  public Page<DeliveryAttempt> attempts(long accountId, PageRequest request) {
    return request.page(
        history.page(accountId, request.after(), request.fetchSize()), DeliveryAttempt::id);
  }
}
