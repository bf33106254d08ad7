// Lua scripts of RedisCache. Each runs atomically in Redis. Keys are built from ARGV (the
// prefix), so this works on one Redis server or a Sentinel-managed one, not on Redis Cluster.
//
// Layout, under the prefix P: P..v:<key> the value (JSON); P..t:<tag> the set of keys tagged so;
// P..tv:<tag> the tag's version, bumped by every invalidation of it.

/**
 * ARGV: prefix, key, json, ttlMs, tagCount, tag1..n, version1..n (as read before the load).
 * Stores only if no tag was invalidated since the versions were read; returns 1 if stored.
 */
export const STORE_IF_CURRENT = `
local prefix, key, json, ttl, n = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
for i = 1, n do
  local current = redis.call('GET', prefix .. 'tv:' .. ARGV[5 + i]) or ''
  if current ~= ARGV[5 + n + i] then return 0 end
end
redis.call('SET', prefix .. 'v:' .. key, json, 'PX', ttl)
for i = 1, n do
  local set = prefix .. 't:' .. ARGV[5 + i]
  redis.call('SADD', set, key)
  if redis.call('PTTL', set) < ttl then redis.call('PEXPIRE', set, ttl) end
end
return 1
`;

/**
 * ARGV: prefix, versionTtlMs, tag1..n. Bumps each tag's version (so loads that started before
 * are not stored) and deletes every key tagged with it.
 */
export const INVALIDATE_TAGS = `
local prefix, versionTtl = ARGV[1], tonumber(ARGV[2])
local deleted = 0
for i = 3, #ARGV do
  local tag = ARGV[i]
  redis.call('INCR', prefix .. 'tv:' .. tag)
  redis.call('PEXPIRE', prefix .. 'tv:' .. tag, versionTtl)
  local set = prefix .. 't:' .. tag
  local keys = redis.call('SMEMBERS', set)
  for j = 1, #keys, 500 do
    local batch = {}
    for k = j, math.min(j + 499, #keys) do batch[#batch + 1] = prefix .. 'v:' .. keys[k] end
    deleted = deleted + redis.call('DEL', unpack(batch))
  end
  redis.call('DEL', set)
end
return deleted
`;
