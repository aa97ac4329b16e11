#include "knowledge/ticket_article.hpp"

#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "i18n/catalog.hpp"
#include "knowledge/article_write.hpp"
#include "knowledge/knowledge_access.hpp"
#include "knowledge/route_support.hpp"
#include "tickets/ticket_detail.hpp"

namespace madoguchi::server::knowledge {
namespace {

namespace domain = madoguchi::knowledge;
using http::refusal;
using http::Reply;
using http::RequestContext;
using madoguchi::tickets::TicketState;

// The ticket's category as staff read it (機器, ソフトウェア, …).
std::string category_label(const std::string& category) {
    const auto key = "tickets.category." + category;
    return i18n::has_key(key) ? i18n::text(key, i18n::Language::ja) : category;
}

void from_ticket(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                 const RequestContext& context) {
    const auto given = id_and_body(context, request, response);
    if (!given) return;
    const auto id = given->id;
    http::BodyReader reader(given->body, {});
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = tickets::find_visible_ticket(connection, id, *context.principal);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return refusal(404, api::make_error("not_found"));
        const auto& ticket = *found.value();
        if (ticket.state != TicketState::resolved && ticket.state != TicketState::closed) {
            return refusal(409, api::make_error("ticket_not_resolved"));
        }
        auto events = tickets::ticket_events(connection, ticket.id, false);
        if (!events) return store::Error{events.error()};
        std::string answer;
        for (const auto& event : events.value()) {
            if (event.visibility == "public" && !event.comment.empty()) answer = event.comment;
        }
        if (answer.empty()) return refusal(422, api::field_error("validation_failed", "answer", "field.no_public_answer"));
        ArticleVersion first{1, ticket.title, answer, category_label(ticket.category), {Audience::desk},
                             ArticleState::draft, "", "", ticket.number};
        auto created = create_article(connection, context, std::move(first), ticket.id);
        if (!created) return created;
        created.value().body["ticket"] = {{"id", ticket.id}, {"number", ticket.number}};
        return created;
    });
}

}  // namespace

void add_ticket_article_route(http::Router& router, store::SharedDatabase& database) {
    router.add({"POST", "/api/v1/knowledge/articles/from-ticket/{id}", "createKnowledgeArticleFromTicket",
                knowledge_writers(), bound(database, from_ticket)});
}

}  // namespace madoguchi::server::knowledge
