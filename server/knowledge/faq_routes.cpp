#include "knowledge/faq_routes.hpp"

#include <algorithm>
#include <map>

#include "audit/audit_log.hpp"
#include "calendar/tokyo_time.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "knowledge/article_write.hpp"
#include "knowledge/faq_csv.hpp"
#include "knowledge/faq_store.hpp"
#include "knowledge/knowledge_access.hpp"
#include "knowledge/route_support.hpp"

namespace madoguchi::server::knowledge {
namespace {

namespace domain = madoguchi::knowledge;
using http::refusal;
using http::Reply;
using http::RequestContext;

constexpr const char* csv_type = "text/csv; charset=utf-8";

// The Tokyo date of a stored instant, as the file's 更新日.
std::string tokyo_date_of(const std::string& instant) {
    const auto parsed = calendar::parse_iso8601(instant);
    if (!parsed.instant) return instant.substr(0, 10);
    return calendar::format_date(calendar::to_tokyo(*parsed.instant).date);
}

void send_csv(httplib::Response& response, std::string csv, const std::string& file_name) {
    response.status = 200;
    response.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
    response.set_content(std::move(csv), csv_type);
}

void export_faq(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const RequestContext& context) {
    std::string csv;
    std::int64_t export_number = 0;
    auto written = database.use([&](store::Database& connection) {
        return connection.transaction([&]() -> store::Status {
            auto articles = articles_for(connection, Audience::chatbot, ArticleState::published);
            if (!articles) return store::Error{articles.error()};
            std::vector<domain::FaqRow> rows;
            for (const auto& article : articles.value()) {
                const auto& current = article.current;
                rows.push_back({article.id, current.question, current.answer, current.category, tokyo_date_of(current.changed_at)});
            }
            csv = domain::write_faq_csv(rows);
            const auto at = calendar::format_iso8601_utc(calendar::now());
            auto saved = insert_faq_export(connection, csv, static_cast<std::int64_t>(rows.size()), at,
                                           context.principal->user.fields.login);
            if (!saved) return store::Error{saved.error()};
            export_number = saved.value().id;
            const audit::AuditEntry entry{identity::actor_of(context), "faq.exported", "faq_export",
                                          std::to_string(saved.value().id), std::nullopt, to_json(saved.value())};
            return audit::record(connection, entry);
        });
    });
    if (!written) return http::send_failure(request, response, written.error());
    response.set_header("X-FAQ-Export-Id", std::to_string(export_number));
    send_csv(response, std::move(csv), "faq-" + std::to_string(export_number) + ".csv");
}

void list_exports(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const RequestContext&) {
    auto exports = database.use([](store::Database& connection) { return list_faq_exports(connection); });
    if (!exports) return http::send_failure(request, response, exports.error());
    auto listed = nlohmann::json::array();
    for (const auto& saved : exports.value()) listed.push_back(to_json(saved));
    http::send_json(response, 200, {{"exports", listed}});
}

void download_export(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                     const RequestContext& context) {
    const auto id = path_id(context, response);
    if (!id) return;
    auto csv = database.use([&](store::Database& connection) { return faq_export_csv(connection, *id); });
    if (!csv) return http::send_failure(request, response, csv.error());
    if (!csv.value()) return http::send_error(response, 404, api::make_error("not_found"));
    send_csv(response, std::move(*csv.value()), "faq-" + std::to_string(*id) + ".csv");
}

struct RestoreCounts {
    std::int64_t restored = 0;     // articles that took the export's content back (or were already so)
    std::int64_t created = 0;      // rows whose article no longer exists, written as new articles
    std::int64_t unpublished = 0;  // published chatbot articles the export did not hold
};

// One article back to a row of the export: its content, the chatbot audience, published.
store::Result<bool> restore_row(store::Database& connection, const RequestContext& context, const ArticleRow& before,
                                const domain::FaqRow& row, const std::string& reason) {
    auto next = before.current;
    next.question = row.question;
    next.answer = row.answer;
    next.category = row.category;
    std::vector<Audience> audiences;
    for (const auto audience : domain::all_audiences()) {
        if (audience == Audience::chatbot || domain::has_audience(next.audiences, audience)) audiences.push_back(audience);
    }
    next.audiences = std::move(audiences);
    next.state = ArticleState::published;
    next.reason = reason;
    if (next.state == before.current.state && same_content(next, before.current)) return false;
    auto written = write_article_change(connection, context, before, std::move(next), before.current.version,
                                        "knowledge.restored", 200);
    if (!written) return store::Error{written.error()};
    return true;
}

void restore_export(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const RequestContext& context) {
    const auto given = id_and_body(context, request, response);
    if (!given) return;
    const auto id = given->id;
    http::BodyReader reader(given->body, {"reason"});
    const auto reason = reader.string("reason");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (auto problems = domain::validate_reason(reason); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto csv = faq_export_csv(connection, id);
        if (!csv) return store::Error{csv.error()};
        if (!csv.value()) return refusal(404, api::make_error("not_found"));
        const auto rows = domain::read_faq_csv(*csv.value());
        if (!rows) return refusal(422, api::make_error("not_faq_export"));
        auto published = articles_for(connection, Audience::chatbot, ArticleState::published);
        if (!published) return store::Error{published.error()};
        RestoreCounts counts;
        std::map<std::int64_t, const domain::FaqRow*> by_number;
        for (const auto& row : *rows) by_number.emplace(row.number, &row);
        for (const auto& article : published.value()) {
            if (by_number.contains(article.id)) continue;
            auto next = article.current;
            next.state = ArticleState::unpublished;
            next.reason = reason;
            auto written = write_article_change(connection, context, article, std::move(next), article.current.version,
                                                "knowledge.unpublished", 200);
            if (!written) return store::Error{written.error()};
            ++counts.unpublished;
        }
        for (const auto& row : *rows) {
            auto found = find_article(connection, row.number);
            if (!found) return store::Error{found.error()};
            if (!found.value()) {
                ArticleVersion first{1, row.question, row.answer, row.category, {Audience::chatbot},
                                     ArticleState::published, "", "", reason};
                auto created = create_article(connection, context, std::move(first), std::nullopt);
                if (!created) return store::Error{created.error()};
                ++counts.created;
                continue;
            }
            auto restored = restore_row(connection, context, *found.value(), row, reason);
            if (!restored) return store::Error{restored.error()};
            ++counts.restored;
        }
        const nlohmann::json summary{{"export_id", id},
                                     {"restored", counts.restored},
                                     {"created", counts.created},
                                     {"unpublished", counts.unpublished},
                                     {"reason", reason}};
        const audit::AuditEntry entry{identity::actor_of(context), "faq.restored", "faq_export", std::to_string(id),
                                      std::nullopt, summary};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{201, summary};
    });
}

}  // namespace

void add_faq_routes(http::Router& router, store::SharedDatabase& database) {
    router.add({"GET", "/api/v1/knowledge/faq.csv", "exportKnowledgeFaq", knowledge_writers(), bound(database, export_faq)});
    router.add({"GET", "/api/v1/knowledge/faq-exports", "listKnowledgeFaqExports", knowledge_desk_readers(),
                bound(database, list_exports)});
    router.add({"GET", "/api/v1/knowledge/faq-exports/{id}/faq.csv", "downloadKnowledgeFaqExport", knowledge_desk_readers(),
                bound(database, download_export)});
    router.add({"POST", "/api/v1/knowledge/faq-exports/{id}/restore", "restoreKnowledgeFaqExport", knowledge_writers(),
                bound(database, restore_export)});
}

}  // namespace madoguchi::server::knowledge
