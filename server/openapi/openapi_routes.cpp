#include "openapi/openapi_routes.hpp"

#include <memory>
#include <nlohmann/json.hpp>

#include "http/errors.hpp"
#include "openapi/openapi_document.hpp"

namespace madoguchi::server {

void add_openapi_routes(http::Router& router) {
    // The version comes from the build, so the hand-kept file never goes stale on it.
    auto document = nlohmann::json::parse(openapi_document());
    document["info"]["version"] = MADOGUCHI_VERSION;
    auto body = std::make_shared<const std::string>(document.dump());
    router.add({"GET", "/api/v1/openapi.json", "getOpenApi", http::Access::everyone(),
                [body](const httplib::Request&, httplib::Response& response, const http::RequestContext&) {
                    response.set_content(*body, http::json_content_type);
                }});
}

}  // namespace madoguchi::server
