-- wrk script for openprofile lookups. MODE selects the request: "profile" looks up a random CRM
-- id, "events" reads the purchase events of a random loyalty id, "ceiling" calls the liveness
-- endpoint. PROFILES is the number of generated profiles.
local mode = os.getenv("MODE") or "profile"
local profiles = tonumber(os.getenv("PROFILES") or "1000")

wrk.headers["Authorization"] = "Bearer dev-token"
wrk.headers["x-api-key"] = "dev-api-key"
wrk.headers["x-gw-ims-org-id"] = "BENCH@AdobeOrg"
wrk.headers["x-sandbox-name"] = "bench"

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
end

request = function()
  local i = math.random(0, profiles - 1)
  local path
  if mode == "ceiling" then
    path = "/q/health/live"
  elseif mode == "events" then
    path = string.format("/data/core/ups/access/entities?schema.name=_xdm.context.experienceevent"
      .. "&relatedSchema.name=_xdm.context.profile&relatedEntityId=%d&relatedEntityIdNS=LOYALTYID&limit=10",
      5000000 + i)
  else
    path = string.format("/data/core/ups/access/entities?schema.name=_xdm.context.profile"
      .. "&entityId=crm%08d&entityIdNS=CRMID", i)
  end
  return wrk.format("GET", path)
end
