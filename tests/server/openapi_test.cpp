#include <catch2/catch.hpp>

#include <set>

#include "identity_test_support.hpp"
#include "server_test_support.hpp"

using madoguchi::testing::check_invalid_parameter;
using madoguchi::testing::json_of;
using madoguchi::testing::RunningApp;
using nlohmann::json;

namespace {

const std::set<std::string> http_methods{"get", "put", "post", "delete", "options", "head", "patch", "trace"};

std::string lowercase(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

json fetch_document(const RunningApp& server) {
    const auto response = server.client()->Get("/api/v1/openapi.json");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "application/json; charset=utf-8");
    auto document = json_of(response);
    REQUIRE(document.is_object());
    return document;
}

// Follows a local "$ref" ("#/components/…") to what it names.
json resolve(const json& document, const json& node) {
    if (!node.is_object() || !node.contains("$ref")) return node;
    const auto pointer = node["$ref"].get<std::string>();
    REQUIRE(pointer.starts_with("#/"));
    const json::json_pointer location(pointer.substr(1));
    REQUIRE(document.contains(location));
    return resolve(document, document.at(location));
}

std::string example_value(const json& parameter) {
    REQUIRE(parameter.contains("example"));
    const auto& example = parameter["example"];
    return example.is_string() ? example.get<std::string>() : example.dump();
}

std::string encoded(const std::string& value) {
    std::string result;
    for (const unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == ':') {
            result += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            result += escaped;
        }
    }
    return result;
}

// What a path answers: files by their extension (and the audit's /export), JSON otherwise.
std::string media_type_of(const std::string& path) {
    if (path.ends_with("/export") || path.ends_with(".csv")) return "text/csv";
    if (path.ends_with(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (path.ends_with(".svg")) return "image/svg+xml";
    if (path.ends_with(".pdf")) return "application/pdf";
    if (path.ends_with("/content")) return "application/octet-stream";
    return "application/json";
}

struct Operation {
    std::string method;  // lowercase, as in the document
    std::string path;
    json node;
};

std::vector<Operation> documented_operations(const json& document) {
    std::vector<Operation> operations;
    for (const auto& [path, item] : document["paths"].items()) {
        for (const auto& [method, operation] : item.items()) {
            if (http_methods.contains(method)) operations.push_back({method, path, operation});
        }
    }
    return operations;
}

}  // namespace

TEST_CASE("the OpenAPI document is served with this build's version", "[openapi]") {
    RunningApp server;
    const auto document = fetch_document(server);
    CHECK(document["openapi"].get<std::string>().starts_with("3.0"));
    CHECK(document["info"]["version"] == MADOGUCHI_VERSION);
}

TEST_CASE("every route is documented and every documented operation is routed", "[openapi]") {
    RunningApp server;
    const auto document = fetch_document(server);
    const auto& routes = server.app().router().routes();
    REQUIRE_FALSE(routes.empty());
    for (const auto& route : routes) {
        INFO(route.method << " " << route.path);
        const auto method = lowercase(route.method);
        REQUIRE(document["paths"].contains(route.path));
        REQUIRE(document["paths"][route.path].contains(method));
        CHECK(document["paths"][route.path][method]["operationId"] == route.operation_id);
    }
    for (const auto& operation : documented_operations(document)) {
        INFO(operation.method << " " << operation.path);
        const auto routed = std::any_of(routes.begin(), routes.end(), [&](const auto& route) {
            return route.path == operation.path && lowercase(route.method) == operation.method;
        });
        CHECK(routed);
    }
}

TEST_CASE("every operation documents its success body and its errors in the error shape", "[openapi]") {
    RunningApp server;
    const auto document = fetch_document(server);
    const auto error_schema = resolve(document, json{{"$ref", "#/components/schemas/Error"}});
    const auto& error_properties = error_schema["properties"]["error"]["properties"];
    for (const auto* property : {"code", "message", "message_ja", "fields"}) CHECK(error_properties.contains(property));

    for (const auto& operation : documented_operations(document)) {
        INFO(operation.method << " " << operation.path);
        CHECK_FALSE(operation.node.value("summary", "").empty());
        const auto& responses = operation.node["responses"];
        // A creation answers 201 with the record, an action with no content 204, everything else 200;
        // in JSON, but for a file export and a document's bytes.
        if (responses.contains("204")) {
            CHECK_FALSE(responses["204"].contains("content"));
        } else {
            // Signing in, acting on a record (a state transition, a notification's retry, a
            // kitting tick, an extension's decision, polling a printer now, acknowledging an
            // anomaly), judging a day for anomalies, asking the counter
            // for a scan's verdict and importing a file (whose answer is the plan, also for a dry run) are posts
            // that answer 200.
            const bool action = operation.path == "/api/v1/session" || operation.path.ends_with("/transitions") ||
                                operation.path.ends_with("/retry") || operation.path.ends_with("/ticks") ||
                                operation.path.ends_with("/decision") || operation.path.ends_with("/poll") ||
                                operation.path == "/api/v1/lending/counter/scan" ||
                                operation.path == "/api/v1/telemetry/anomalies/scan" ||
                                operation.path.ends_with("/acknowledge") ||
                                operation.path.starts_with("/api/v1/imports/");
            const auto success = operation.method == "post" && !action ? "201" : "200";
            REQUIRE(responses.contains(success));
            const auto media_type = media_type_of(operation.path);
            CHECK(resolve(document, responses[success])["content"].contains(media_type));
        }
        CHECK(responses.contains("405"));
        CHECK(responses.contains("500"));
        const bool has_parameters = operation.node.contains("parameters") && !operation.node["parameters"].empty();
        const bool has_body = operation.node.contains("requestBody");
        CHECK(responses.contains("400") == (has_parameters || has_body));
        for (const auto& [status, response] : responses.items()) {
            if (status.front() != '4' && status.front() != '5') continue;
            if (status == "503" && operation.path == "/api/v1/health") continue;  // a degraded Health document
            INFO("status " << status);
            // The error shape, or the error shape with more (a conflict's current record).
            const auto schema = resolve(document, response)["content"]["application/json"]["schema"];
            const json error_ref{{"$ref", "#/components/schemas/Error"}};
            const auto extended = resolve(document, schema);
            CHECK((schema == error_ref || (extended.contains("allOf") && extended["allOf"][0] == error_ref)));
        }
    }
}

TEST_CASE("every operation that needs sign-in documents 401, and one that admits only some roles 403", "[openapi]") {
    RunningApp server;
    const auto document = fetch_document(server);
    for (const auto& route : server.app().router().routes()) {
        INFO(route.method << " " << route.path);
        const auto& responses = document["paths"][route.path][lowercase(route.method)]["responses"];
        if (route.access.requires_sign_in()) CHECK(responses.contains("401"));
        if (!route.access.roles().empty()) CHECK(responses.contains("403"));
    }
}

TEST_CASE("each documented required query parameter is really required", "[openapi]") {
    RunningApp server;
    const auto document = fetch_document(server);
    int required_parameters = 0;
    const auto everyone = signed_in_user(server, {"all-roles", {madoguchi::identity::all_roles().begin(), madoguchi::identity::all_roles().end()}});
    for (const auto& operation : documented_operations(document)) {
        // A path with a {parameter} names one record, which a fresh database lacks.
        if (operation.method != "get" || operation.path.find('{') != std::string::npos) continue;
        std::vector<json> required;
        for (const auto& parameter : operation.node.value("parameters", json::array())) {
            const auto resolved = resolve(document, parameter);
            if (resolved["in"] == "query" && resolved.value("required", false)) required.push_back(resolved);
        }
        const auto query_without = [&](const std::string& omitted) {
            std::string query;
            for (const auto& parameter : required) {
                const auto name = parameter["name"].get<std::string>();
                if (name == omitted) continue;
                query += (query.empty() ? "?" : "&") + name + "=" + encoded(example_value(parameter));
            }
            return query;
        };
        INFO(operation.path);
        // The documented examples together make a valid request.
        const auto complete = everyone.client->Get((operation.path + query_without("")).c_str());
        REQUIRE(complete);
        CHECK(complete->status == 200);
        for (const auto& parameter : required) {
            const auto name = parameter["name"].get<std::string>();
            INFO("without " << name);
            check_invalid_parameter(everyone.client->Get((operation.path + query_without(name)).c_str()), {name},
                                    "field.required");
            ++required_parameters;
        }
    }
    CHECK(required_parameters >= 4);
}
