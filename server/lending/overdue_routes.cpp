#include "lending/overdue_routes.hpp"

#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/transaction_reply.hpp"
#include "lending/lending_access.hpp"
#include "lending/overdue_store.hpp"

namespace madoguchi::server::lending {

void list_overdue_loans(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context) {
    const auto page = http::parse_page(request);
    if (const auto* error = std::get_if<api::ApiError>(&page)) return http::send_error(response, 400, *error);
    const auto& principal = *context.principal;
    OverdueQuery query{calendar::to_tokyo(calendar::now()).date, std::nullopt, std::get<http::Page>(page).limit,
                       std::get<http::Page>(page).offset};
    // The route admits managers besides those who see every loan: a manager sees the own division's.
    if (!sees_all(principal)) query.division = principal.user.fields.division_code;
    auto found = database.use([&](store::Database& connection) { return list_overdue(connection, query); });
    if (!found) return http::send_failure(request, response, found.error());
    auto loans = nlohmann::json::array();
    for (const auto& loan : found.value().loans) loans.push_back(to_json(loan));
    http::send_json(response, 200, {{"loans", loans}, {"total", found.value().total}});
}

}  // namespace madoguchi::server::lending
