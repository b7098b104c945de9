package dev.herald.persistence.bot;

import dev.herald.domain.bot.Bot;
import dev.herald.domain.bot.BotDirectory;
import dev.herald.domain.bot.BotStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Admin queries over every tenant's bot, through JPA. */
@ApplicationScoped
public class JpaBotDirectory implements BotDirectory {

  @PersistenceContext(unitName = "herald")
  EntityManager em;

  @Override
  public List<Bot> page(BotStatus status, int page, int size) {
    String where = status == null ? "" : " WHERE b.status = :status";
    var query =
        em.createQuery("SELECT b FROM Bot b" + where + " ORDER BY b.accountId", Bot.class)
            .setFirstResult(page * size)
            .setMaxResults(size);
    if (status != null) {
      query.setParameter("status", status);
    }
    return query.getResultList();
  }

  @Override
  public long count(BotStatus status) {
    String where = status == null ? "" : " WHERE b.status = :status";
    var query = em.createQuery("SELECT COUNT(b) FROM Bot b" + where, Long.class);
    if (status != null) {
      query.setParameter("status", status);
    }
    return query.getSingleResult();
  }

  @Override
  public void delete(Bot bot) {
    em.remove(em.contains(bot) ? bot : em.merge(bot));
  }
}
