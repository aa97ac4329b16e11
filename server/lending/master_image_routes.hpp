#pragma once
// マスター更新・管理: GET /api/v1/lending/master-images?class= lists each class's master image
// versions (newest first, the current one flagged); POST /api/v1/lending/master-images
// {class, released, notes} publishes the class's next version, which becomes current at once,
// audited as master_image.published. Only classes kitted from a master (business PCs, GSS
// terminals) have masters: another class is 422 field.not_master_class.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

void list_masters(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const http::RequestContext& context);
void publish_master(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext& context);

}  // namespace madoguchi::server::lending
