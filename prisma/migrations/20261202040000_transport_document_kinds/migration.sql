-- The transport documents a credit may call for besides the bill of lading, each examined under
-- its own UCP 600 article: multimodal (19), sea waybill (21), charter party bill of lading (22),
-- air waybill (23), road, rail or inland waterway (24), courier or post receipt (25). New values
-- go last; nothing in this migration uses them.

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'MULTIMODAL_TRANSPORT_DOCUMENT';
ALTER TYPE "DocumentKind" ADD VALUE 'SEA_WAYBILL';
ALTER TYPE "DocumentKind" ADD VALUE 'CHARTER_PARTY_BILL_OF_LADING';
ALTER TYPE "DocumentKind" ADD VALUE 'AIR_WAYBILL';
ALTER TYPE "DocumentKind" ADD VALUE 'ROAD_RAIL_INLAND_WATERWAY_DOCUMENT';
ALTER TYPE "DocumentKind" ADD VALUE 'COURIER_RECEIPT';
