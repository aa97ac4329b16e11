#pragma once
// The frame every change of an article shares, inside the route's transaction: the new
// version written under the version the client read (409 with the article as it is now
// otherwise), kept in the version history, and audited with the article before and after.
#include <optional>
#include <string_view>

#include "audit/audit_log.hpp"
#include "http/router.hpp"
#include "http/transaction_reply.hpp"
#include "knowledge/article_store.hpp"

namespace madoguchi::server::knowledge {

// The cores of the two below, for any writer (a signed-in user, or seed-demo as `cli`): the
// version's author is the actor's name. The changed article, or none when `read_version` is
// no longer the stored one.
store::Result<ArticleRow> create_article_as(store::Database& database, const audit::Actor& actor, ArticleVersion first,
                                            std::optional<std::int64_t> source_ticket_id);
store::Result<std::optional<ArticleRow>> change_article_as(store::Database& database, const audit::Actor& actor,
                                                           const ArticleRow& before, ArticleVersion next,
                                                           std::int64_t read_version, std::string_view action);

// 409 stale_version with {"article": current}.
http::Reply stale_article(const ArticleRow& current);

// `next` carries the content; its version, author and time are set here. `action` is the
// audit action ("knowledge.updated"); the answer is `status` with {"article": after}.
store::Result<http::Reply> write_article_change(store::Database& database, const http::RequestContext& context,
                                                const ArticleRow& before, ArticleVersion next, std::int64_t read_version,
                                                std::string_view action, int status);

// A new article from `first` (its version, author and time set here), audited as
// knowledge.created; 201 with {"article"}.
store::Result<http::Reply> create_article(store::Database& database, const http::RequestContext& context,
                                          ArticleVersion first, std::optional<std::int64_t> source_ticket_id);

}  // namespace madoguchi::server::knowledge
