-- The agent profiles' version: their count and latest update, which change whenever a profile is
-- added, edited or deleted. Routing caches the profiles per process and reads them again only when
-- this changes, and the statements that queue subtasks read it alongside, in one definition.
CREATE OR REPLACE FUNCTION profiles_version() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT count(*)::text || '@' || COALESCE(max("updatedAt")::text, '') FROM "AgentProfile"
$$;
