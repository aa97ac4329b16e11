#include "configuration/configuration_routes.hpp"

#include "configuration/document_routes.hpp"
#include "configuration/item_routes.hpp"
#include "configuration/licence_routes.hpp"
#include "configuration/settings_routes.hpp"

namespace madoguchi::server::configuration {

void add_configuration_routes(http::Router& router, store::SharedDatabase& database) {
    add_item_routes(router, database);
    add_licence_routes(router, database);
    add_settings_routes(router, database);
    add_document_routes(router, database);
}

}  // namespace madoguchi::server::configuration
