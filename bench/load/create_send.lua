-- POST /api/v1/consults with send:true: the GP (LOAD_TOKEN) creates a dermatology consult and
-- sends it to the pool in one request, as the consult form does.
dofile("bench/load/report.lua")
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("LOAD_TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"specialty":"dermatologie","mode":"digital","patient":{"birth_year":1979,"sex":"female"},'
  .. '"icpc":"S88","question":"Handeczeem: eerst behandelen?","clinical_summary":"",'
  .. '"intended_referral":true,"consent":true,"send":true}'
