#include "health/health_routes.hpp"

#include "api/health_dto.hpp"
#include "calendar/tokyo_time.hpp"
#include "http/errors.hpp"

namespace madoguchi::server {
namespace {

// A real read of the schema: fails when the file is gone bad, locked beyond the busy
// timeout, or lost its tables.
bool database_answers(store::SharedDatabase& database) {
    return database.use([](store::Database& connection) {
        return connection.query_int("SELECT count(*) FROM schema_migrations").ok();
    });
}

}  // namespace

void add_health_routes(http::Router& router, store::SharedDatabase& database) {
    router.add({"GET", "/api/v1/health", "getHealth", http::Access::everyone(),
                [&database](const httplib::Request&, httplib::Response& response, const http::RequestContext&) {
                    const bool database_ok = database_answers(database);
                    const api::HealthDto health{database_ok ? "ok" : "degraded", MADOGUCHI_VERSION,
                                                database_ok ? "ok" : "error",
                                                calendar::format_iso8601_utc(calendar::now())};
                    response.status = database_ok ? 200 : 503;
                    response.set_content(api::health_to_json(health), http::json_content_type);
                }});
}

}  // namespace madoguchi::server
