package dev.herald.persistence.bot;

import dev.herald.domain.bot.Bot;
import dev.herald.domain.bot.BotDirectory;
import dev.herald.domain.bot.BotStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/** Admin queries over every tenant's bot, through JPA; keyset paging by account id. */
@ApplicationScoped
public class JpaBotDirectory implements BotDirectory {

  @PersistenceContext(unitName = "herald")
  EntityManager em;

  @Override
  public List<Bot> page(BotStatus status, Long afterAccountId, int limit) {
    List<String> conditions = new ArrayList<>();
    if (status != null) {
      conditions.add("b.status = :status");
    }
    if (afterAccountId != null) {
      conditions.add("b.accountId > :after");
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    var query =
        em.createQuery("SELECT b FROM Bot b" + where + " ORDER BY b.accountId", Bot.class)
            .setMaxResults(limit);
    if (status != null) {
      query.setParameter("status", status);
    }
    if (afterAccountId != null) {
      query.setParameter("after", afterAccountId);
    }
    return query.getResultList();
  }

  @Override
  public void delete(Bot bot) {
    em.remove(em.contains(bot) ? bot : em.merge(bot));
  }
}
