#include "lending/terms_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "lending/terms_store.hpp"

namespace madoguchi::server::lending {
namespace {

// The {form} of the path, or empty after the 404 of an unknown form was sent.
std::optional<std::string> form_in_path(const http::RequestContext& context, httplib::Response& response) {
    const auto& form = context.params.at("form");
    if (!madoguchi::lending::is_terms_form(form)) {
        http::send_error(response, 404, api::field_error("not_found", "form", "field.unknown_form"));
        return std::nullopt;
    }
    return form;
}

}  // namespace

void get_terms(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
               const http::RequestContext& context) {
    const auto form = form_in_path(context, response);
    if (!form) return;
    auto found = database.use([&](store::Database& connection) { return current_terms(connection, *form); });
    if (!found) return http::send_failure(request, response, found.error());
    if (!found.value()) return http::send_error(response, 404, api::make_error("no_terms"));
    http::send_json(response, 200, {{"terms", to_json(*found.value())}});
}

void publish(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
             const http::RequestContext& context) {
    const auto form = form_in_path(context, response);
    if (!form) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"text_ja", "text_en"});
    madoguchi::lending::TermsText text{reader.string("text_ja"), reader.optional_string("text_en").value_or("")};
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    if (const auto problems = madoguchi::lending::validate(text); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<http::Reply> {
        auto published = publish_terms(connection, *form, text, actor.name, calendar::now());
        if (!published) return store::Error{published.error()};
        const auto& terms = published.value();
        const audit::AuditEntry entry{actor, "loan_terms.published", "loan_terms",
                                      terms.form + "/" + std::to_string(terms.version), std::nullopt, to_json(terms)};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return http::Reply{201, {{"terms", to_json(terms)}}};
    });
}

}  // namespace madoguchi::server::lending
